// Binary formats and a large parser: WebAssembly text to binary (wat) and back through a
// validating reader (wasmparser), an ELF object written and read back (object), and SQL
// statements parsed and printed (sqlparser).
//@ dep: wat = "=1.220.0"
//@ dep: wasmparser = "=0.220.0"
//@ dep: object = { version = "=0.36.7", features = ["write"] }
//@ dep: sqlparser = "=0.53.0"

fn wasm_part() {
    let text = r#"
        (module
          (memory (export "mem") 1)
          (global $g (mut i32) (i32.const 7))
          (func $fib (export "fib") (param $n i32) (result i32)
            (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
              (then (local.get $n))
              (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                             (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
          (func (export "store") (param i32 i64)
            (i64.store (local.get 0) (local.get 1)))
          (data (i32.const 16) "hello wasm"))
    "#;
    let bytes = wat::parse_str(text).unwrap();
    println!("{} bytes, magic {:02x?}", bytes.len(), &bytes[..8]);
    let mut validator = wasmparser::Validator::new();
    println!("valid: {}", validator.validate_all(&bytes).is_ok());
    for payload in wasmparser::Parser::new(0).parse_all(&bytes) {
        use wasmparser::Payload::*;
        match payload.unwrap() {
            TypeSection(r) => {
                for t in r.into_iter_err_on_gc_types() {
                    let t = t.unwrap();
                    println!("type {:?} -> {:?}", t.params(), t.results());
                }
            }
            ExportSection(r) => {
                for e in r {
                    let e = e.unwrap();
                    println!("export {} {:?} {}", e.name, e.kind, e.index);
                }
            }
            CodeSectionEntry(body) => {
                let mut ops = Vec::new();
                let mut reader = body.get_operators_reader().unwrap();
                while !reader.eof() {
                    ops.push(format!("{:?}", reader.read().unwrap()));
                }
                println!("body: {} ops, first {:?}", ops.len(), ops.first());
            }
            DataSection(r) => {
                for d in r {
                    let d = d.unwrap();
                    println!("data {:?}", std::str::from_utf8(d.data));
                }
            }
            GlobalSection(r) => {
                for g in r {
                    println!("global {:?}", g.unwrap().ty);
                }
            }
            _ => {}
        }
    }
    let broken = wat::parse_str("(module (func (result i32) (i64.const 1)))").unwrap();
    println!("{}", wasmparser::validate(&broken).err().unwrap().message());
    println!("{}", wat::parse_str("(module (func (i32.nope)))").unwrap_err().to_string().lines().next().unwrap());
}

fn object_part() {
    use object::write::{Object, StandardSection, Symbol, SymbolSection};
    use object::{Architecture, BinaryFormat, Endianness, SymbolFlags, SymbolKind, SymbolScope};
    use object::{Object as _, ObjectSection as _, ObjectSymbol as _};
    let mut obj = Object::new(BinaryFormat::Elf, Architecture::X86_64, Endianness::Little);
    let text = obj.section_id(StandardSection::Text);
    let off = obj.append_section_data(text, &[0x55, 0x48, 0x89, 0xe5, 0x5d, 0xc3], 16);
    obj.add_symbol(Symbol {
        name: b"my_function".to_vec(), value: off, size: 6, kind: SymbolKind::Text,
        scope: SymbolScope::Linkage, weak: false, section: SymbolSection::Section(text), flags: SymbolFlags::None,
    });
    let data = obj.section_id(StandardSection::Data);
    let doff = obj.append_section_data(data, b"some data\0", 8);
    obj.add_symbol(Symbol {
        name: b"my_data".to_vec(), value: doff, size: 10, kind: SymbolKind::Data,
        scope: SymbolScope::Dynamic, weak: true, section: SymbolSection::Section(data), flags: SymbolFlags::None,
    });
    let bytes = obj.write().unwrap();
    println!("object of {} bytes", bytes.len());
    let file = object::File::parse(&*bytes).unwrap();
    println!("{:?} {:?} {:?}", file.format(), file.architecture(), file.endianness());
    for s in file.sections() {
        if s.size() > 0 {
            println!("section {:?} size {} align {}", s.name().unwrap(), s.size(), s.align());
        }
    }
    for sym in file.symbols() {
        if !sym.name().unwrap().is_empty() {
            println!("symbol {} {:?} {:?} weak={} size={}", sym.name().unwrap(), sym.kind(), sym.scope(), sym.is_weak(), sym.size());
        }
    }
    println!("{:?}", object::File::parse(&b"not an object"[..]).err().map(|e| e.to_string()));
}

fn sql_part() {
    use sqlparser::dialect::{GenericDialect, PostgreSqlDialect};
    use sqlparser::parser::Parser;
    let sql = "SELECT a, b + 1 AS c, COUNT(*) FROM t1 JOIN t2 ON t1.id = t2.id \
               WHERE a > 10 AND b LIKE 'x%' GROUP BY a, b HAVING COUNT(*) > 1 ORDER BY c DESC LIMIT 5; \
               INSERT INTO t (x, y) VALUES (1, 'one'), (2, NULL); \
               CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, score DOUBLE DEFAULT 0.5); \
               UPDATE t SET x = x * 2 WHERE y IS NOT NULL; \
               WITH r AS (SELECT 1 AS one) SELECT CASE WHEN one = 1 THEN 'yes' ELSE 'no' END FROM r";
    let stmts = Parser::parse_sql(&GenericDialect {}, sql).unwrap();
    for s in &stmts {
        println!("{s}");
    }
    if let sqlparser::ast::Statement::Query(q) = &stmts[0] {
        if let sqlparser::ast::SetExpr::Select(sel) = &*q.body {
            println!("{} projections, from {}", sel.projection.len(), sel.from.len());
        }
    }
    let pg = Parser::parse_sql(&PostgreSqlDialect {}, "SELECT $1::int, ARRAY[1,2][1], data->>'k' FROM j").unwrap();
    println!("{}", pg[0]);
    println!("{}", Parser::parse_sql(&GenericDialect {}, "SELECT FROM WHERE").unwrap_err());
    println!("{:?}", stmts.iter().map(|s| format!("{s}").len()).collect::<Vec<_>>());
}

fn main() {
    wasm_part();
    object_part();
    sql_part();
}
