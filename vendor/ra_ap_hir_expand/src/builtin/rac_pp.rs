//! rac: the line-breaking pretty printer rustc prints `stringify!` output and `assert!`
//! messages with (Oppen's algorithm as in `rustc_ast_pretty::pp`, margin 78). Without it
//! a long `stringify!` or `assert!` condition would come out on one line where rustc
//! breaks it.

use std::collections::VecDeque;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Breaks {
    Consistent,
    Inconsistent,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum IndentStyle {
    Visual,
    Block { offset: isize },
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct BreakToken {
    offset: isize,
    blank_space: isize,
    pre_break: Option<char>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct BeginToken {
    indent: IndentStyle,
    breaks: Breaks,
}

#[derive(Clone, PartialEq, Eq)]
enum Token {
    String(String),
    Break(BreakToken),
    Begin(BeginToken),
    End,
}

#[derive(Clone, Copy)]
enum PrintFrame {
    Fits,
    Broken { indent: usize, breaks: Breaks },
}

const SIZE_INFINITY: isize = 0xffff;
const MARGIN: isize = 78;
const MIN_SPACE: isize = 60;
pub(crate) const INDENT_UNIT: isize = 4;

struct BufEntry {
    token: Token,
    size: isize,
}

/// A ring buffer whose indices keep growing: `offset` is the index of the first element.
struct RingBuffer {
    data: VecDeque<BufEntry>,
    offset: usize,
}

impl RingBuffer {
    fn push(&mut self, e: BufEntry) -> usize {
        let index = self.offset + self.data.len();
        self.data.push_back(e);
        index
    }
    fn clear(&mut self) {
        self.offset += self.data.len();
        self.data.clear();
    }
    fn index_of_first(&self) -> usize {
        self.offset
    }
    fn pop_first(&mut self) -> Option<BufEntry> {
        let e = self.data.pop_front()?;
        self.offset += 1;
        Some(e)
    }
    fn get_mut(&mut self, index: usize) -> &mut BufEntry {
        &mut self.data[index - self.offset]
    }
}

pub(crate) struct Printer {
    out: String,
    space: isize,
    buf: RingBuffer,
    left_total: isize,
    right_total: isize,
    scan_stack: VecDeque<usize>,
    print_stack: Vec<PrintFrame>,
    indent: usize,
    pending_indentation: isize,
    last_printed: Option<Token>,
}

impl Printer {
    pub(crate) fn new() -> Self {
        Printer {
            out: String::new(),
            space: MARGIN,
            buf: RingBuffer { data: VecDeque::new(), offset: 0 },
            left_total: 0,
            right_total: 0,
            scan_stack: VecDeque::new(),
            print_stack: Vec::new(),
            indent: 0,
            pending_indentation: 0,
            last_printed: None,
        }
    }

    pub(crate) fn eof(mut self) -> String {
        if !self.scan_stack.is_empty() {
            self.check_stack(0);
            self.advance_left();
        }
        self.out
    }

    fn scan_begin(&mut self, token: BeginToken) {
        if self.scan_stack.is_empty() {
            self.left_total = 1;
            self.right_total = 1;
            self.buf.clear();
        }
        let right = self.buf.push(BufEntry { token: Token::Begin(token), size: -self.right_total });
        self.scan_stack.push_back(right);
    }

    fn scan_end(&mut self) {
        if self.scan_stack.is_empty() {
            self.print_end();
        } else {
            let right = self.buf.push(BufEntry { token: Token::End, size: -1 });
            self.scan_stack.push_back(right);
        }
    }

    fn scan_break(&mut self, token: BreakToken) {
        if self.scan_stack.is_empty() {
            self.left_total = 1;
            self.right_total = 1;
            self.buf.clear();
        } else {
            self.check_stack(0);
        }
        let right = self.buf.push(BufEntry { token: Token::Break(token), size: -self.right_total });
        self.scan_stack.push_back(right);
        self.right_total += token.blank_space;
    }

    fn scan_string(&mut self, string: String) {
        if self.scan_stack.is_empty() {
            self.print_string(&string);
        } else {
            let len = string.len() as isize;
            self.buf.push(BufEntry { token: Token::String(string), size: len });
            self.right_total += len;
            self.check_stream();
        }
    }

    pub(crate) fn offset(&mut self, offset: isize) {
        if let Some(BufEntry { token: Token::Break(token), .. }) = self.buf.data.back_mut() {
            token.offset += offset;
        }
    }

    fn check_stream(&mut self) {
        while self.right_total - self.left_total > self.space {
            if *self.scan_stack.front().unwrap() == self.buf.index_of_first() {
                self.scan_stack.pop_front().unwrap();
                self.buf.data.front_mut().unwrap().size = SIZE_INFINITY;
            }
            self.advance_left();
            if self.buf.data.is_empty() {
                break;
            }
        }
    }

    fn advance_left(&mut self) {
        while self.buf.data.front().unwrap().size >= 0 {
            let left = self.buf.pop_first().unwrap();
            match &left.token {
                Token::String(string) => {
                    self.left_total += string.len() as isize;
                    self.print_string(string);
                }
                Token::Break(token) => {
                    self.left_total += token.blank_space;
                    self.print_break(*token, left.size);
                }
                Token::Begin(token) => self.print_begin(*token, left.size),
                Token::End => self.print_end(),
            }
            self.last_printed = Some(left.token);
            if self.buf.data.is_empty() {
                break;
            }
        }
    }

    fn check_stack(&mut self, mut depth: usize) {
        while let Some(&index) = self.scan_stack.back() {
            let right_total = self.right_total;
            let entry = self.buf.get_mut(index);
            match entry.token {
                Token::Begin(_) => {
                    if depth == 0 {
                        break;
                    }
                    self.scan_stack.pop_back().unwrap();
                    entry.size += right_total;
                    depth -= 1;
                }
                Token::End => {
                    self.scan_stack.pop_back().unwrap();
                    entry.size = 1;
                    depth += 1;
                }
                _ => {
                    self.scan_stack.pop_back().unwrap();
                    entry.size += right_total;
                    if depth == 0 {
                        break;
                    }
                }
            }
        }
    }

    fn get_top(&self) -> PrintFrame {
        *self
            .print_stack
            .last()
            .unwrap_or(&PrintFrame::Broken { indent: 0, breaks: Breaks::Inconsistent })
    }

    fn print_begin(&mut self, token: BeginToken, size: isize) {
        if size > self.space {
            self.print_stack.push(PrintFrame::Broken { indent: self.indent, breaks: token.breaks });
            self.indent = match token.indent {
                IndentStyle::Block { offset } => (self.indent as isize + offset).max(0) as usize,
                IndentStyle::Visual => (MARGIN - self.space) as usize,
            };
        } else {
            self.print_stack.push(PrintFrame::Fits);
        }
    }

    fn print_end(&mut self) {
        if let Some(PrintFrame::Broken { indent, .. }) = self.print_stack.pop() {
            self.indent = indent;
        }
    }

    fn print_break(&mut self, token: BreakToken, size: isize) {
        let fits = match self.get_top() {
            PrintFrame::Fits => true,
            PrintFrame::Broken { breaks: Breaks::Consistent, .. } => false,
            PrintFrame::Broken { breaks: Breaks::Inconsistent, .. } => size <= self.space,
        };
        if fits {
            self.pending_indentation += token.blank_space;
            self.space -= token.blank_space;
        } else {
            if let Some(pre_break) = token.pre_break {
                self.out.push(pre_break);
            }
            self.out.push('\n');
            let indent = self.indent as isize + token.offset;
            self.pending_indentation = indent;
            self.space = (MARGIN - indent).max(MIN_SPACE);
        }
    }

    fn print_string(&mut self, string: &str) {
        self.out.extend(std::iter::repeat_n(' ', self.pending_indentation.max(0) as usize));
        self.pending_indentation = 0;
        self.out.push_str(string);
        self.space -= string.len() as isize;
    }

    // Convenience API, as `rustc_ast_pretty::pp::convenience`.

    pub(crate) fn rbox(&mut self, indent: isize, breaks: Breaks) {
        self.scan_begin(BeginToken { indent: IndentStyle::Block { offset: indent }, breaks });
    }
    pub(crate) fn ibox(&mut self, indent: isize) {
        self.rbox(indent, Breaks::Inconsistent)
    }
    pub(crate) fn cbox(&mut self, indent: isize) {
        self.rbox(indent, Breaks::Consistent)
    }
    #[allow(dead_code)]
    pub(crate) fn visual_align(&mut self) {
        self.scan_begin(BeginToken { indent: IndentStyle::Visual, breaks: Breaks::Consistent });
    }
    pub(crate) fn break_offset(&mut self, n: usize, off: isize) {
        self.scan_break(BreakToken { offset: off, blank_space: n as isize, pre_break: None });
    }
    pub(crate) fn end(&mut self) {
        self.scan_end()
    }
    pub(crate) fn word(&mut self, w: impl Into<String>) {
        self.scan_string(w.into())
    }
    pub(crate) fn space(&mut self) {
        self.break_offset(1, 0)
    }
    pub(crate) fn nbsp(&mut self) {
        self.word(" ")
    }
    pub(crate) fn word_nbsp(&mut self, w: &str) {
        self.word(w);
        self.nbsp()
    }
    pub(crate) fn word_space(&mut self, w: &str) {
        self.word(w);
        self.space()
    }
    pub(crate) fn trailing_comma_or_space(&mut self) {
        self.scan_break(BreakToken { offset: 0, blank_space: 1, pre_break: Some(',') });
    }
    fn last_token(&self) -> Option<&Token> {
        self.buf.data.back().map(|e| &e.token).or(self.last_printed.as_ref())
    }
    pub(crate) fn is_beginning_of_line(&self) -> bool {
        match self.last_token() {
            Some(Token::Break(b)) => b.offset == 0 && b.blank_space == SIZE_INFINITY,
            Some(_) => false,
            None => true,
        }
    }
    pub(crate) fn space_if_not_bol(&mut self) {
        if !self.is_beginning_of_line() {
            self.space();
        }
    }
    pub(crate) fn break_offset_if_not_bol(&mut self, n: usize, off: isize) {
        if !self.is_beginning_of_line() {
            self.break_offset(n, off)
        } else if off != 0
            && let Some(BufEntry { token: Token::Break(b), .. }) = self.buf.data.back_mut()
            && b.offset == 0
            && b.blank_space == SIZE_INFINITY
        {
            b.offset = off;
        }
    }
}
