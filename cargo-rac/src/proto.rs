//! The build server's wire format: frames of a tag byte, a little-endian u32 length and a
//! payload, over a Unix stream socket.
//!
//! A connection is: the client's `Hello` (its identity), the server's `Welcome` (its pid)
//! or `Mismatch`; then one command (`Request`, `Status` or `Stop`) and the server's
//! answer. While a request runs the server streams `Stdout`/`Stderr`, sends `Blocked` when
//! it must first finish another client's build, `Heartbeat` every second, and `Exit` last.

use std::io::{Read, Write};

use anyhow::{Result, anyhow, bail};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    Hello(String),
    Welcome {
        pid: u32,
    },
    Mismatch,
    Request(String),
    Status,
    StatusReply(String),
    Stop,
    Stopped,
    Blocked(String),
    Stdout(Vec<u8>),
    Stderr(Vec<u8>),
    Heartbeat,
    /// A `progress::Progress`, as JSON, for the client's progress bar.
    Progress(String),
    /// The exit code, and a binary for the client to run (`cargo rac run`), if any.
    Exit {
        code: u8,
        run: Option<String>,
    },
}

const MAX_FRAME: usize = 256 << 20;

impl Frame {
    fn tag(&self) -> u8 {
        match self {
            Frame::Hello(_) => 1,
            Frame::Welcome { .. } => 2,
            Frame::Mismatch => 3,
            Frame::Request(_) => 4,
            Frame::Status => 5,
            Frame::StatusReply(_) => 6,
            Frame::Stop => 7,
            Frame::Stopped => 8,
            Frame::Blocked(_) => 9,
            Frame::Stdout(_) => 10,
            Frame::Stderr(_) => 11,
            Frame::Heartbeat => 12,
            Frame::Exit { .. } => 13,
            Frame::Progress(_) => 14,
        }
    }

    fn payload(&self) -> Vec<u8> {
        match self {
            Frame::Hello(s)
            | Frame::Request(s)
            | Frame::StatusReply(s)
            | Frame::Blocked(s)
            | Frame::Progress(s) => s.as_bytes().to_vec(),
            Frame::Stdout(b) | Frame::Stderr(b) => b.clone(),
            Frame::Welcome { pid } => pid.to_le_bytes().to_vec(),
            Frame::Exit { code, run } => {
                let mut v = vec![*code];
                if let Some(r) = run {
                    v.extend_from_slice(r.as_bytes());
                }
                v
            }
            Frame::Mismatch | Frame::Status | Frame::Stop | Frame::Stopped | Frame::Heartbeat => {
                vec![]
            }
        }
    }

    pub fn write(&self, w: &mut impl Write) -> std::io::Result<()> {
        let payload = self.payload();
        let mut buf = Vec::with_capacity(payload.len() + 5);
        buf.push(self.tag());
        buf.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        buf.extend_from_slice(&payload);
        w.write_all(&buf)?;
        w.flush()
    }

    /// The next frame; `Ok(None)` at a clean end of stream.
    pub fn read(r: &mut impl Read) -> Result<Option<Frame>> {
        let mut head = [0u8; 5];
        match r.read_exact(&mut head[..1]) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
            Err(e) => return Err(e.into()),
        }
        r.read_exact(&mut head[1..])?;
        let len = u32::from_le_bytes(head[1..].try_into().unwrap()) as usize;
        if len > MAX_FRAME {
            bail!("a frame of {len} bytes: not a rac server or client");
        }
        let mut p = vec![0u8; len];
        r.read_exact(&mut p)?;
        let text = |p: Vec<u8>| String::from_utf8(p).map_err(|_| anyhow!("a frame is not UTF-8"));
        Ok(Some(match head[0] {
            1 => Frame::Hello(text(p)?),
            2 => Frame::Welcome {
                pid: u32::from_le_bytes(
                    p.get(..4)
                        .ok_or_else(|| anyhow!("short frame"))?
                        .try_into()
                        .unwrap(),
                ),
            },
            3 => Frame::Mismatch,
            4 => Frame::Request(text(p)?),
            5 => Frame::Status,
            6 => Frame::StatusReply(text(p)?),
            7 => Frame::Stop,
            8 => Frame::Stopped,
            9 => Frame::Blocked(text(p)?),
            10 => Frame::Stdout(p),
            11 => Frame::Stderr(p),
            12 => Frame::Heartbeat,
            14 => Frame::Progress(text(p)?),
            13 => {
                let code = *p.first().ok_or_else(|| anyhow!("short frame"))?;
                let run = (p.len() > 1).then(|| String::from_utf8_lossy(&p[1..]).into_owned());
                Frame::Exit { code, run }
            }
            t => bail!("unknown frame tag {t}: not a rac server or client"),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip() {
        let frames = [
            Frame::Hello("id".into()),
            Frame::Welcome { pid: 42 },
            Frame::Mismatch,
            Frame::Request("{}".into()),
            Frame::Status,
            Frame::StatusReply("pid 1".into()),
            Frame::Stop,
            Frame::Stopped,
            Frame::Blocked("busy".into()),
            Frame::Stdout(b"out".to_vec()),
            Frame::Stderr(vec![]),
            Frame::Heartbeat,
            Frame::Progress(r#"{"done":1,"found":2,"what":"app"}"#.into()),
            Frame::Exit {
                code: 101,
                run: None,
            },
            Frame::Exit {
                code: 0,
                run: Some("/x/y".into()),
            },
        ];
        let mut buf = Vec::new();
        for f in &frames {
            f.write(&mut buf).unwrap();
        }
        let mut r = &buf[..];
        for f in &frames {
            assert_eq!(Frame::read(&mut r).unwrap().as_ref(), Some(f));
        }
        assert_eq!(Frame::read(&mut r).unwrap(), None);
        assert!(Frame::read(&mut &[42u8, 0, 0, 0, 0][..]).is_err());
    }
}
