//! Where the output goes: stdout, or a file written safely.
//!
//! `--output FILE` writes to a temporary file next to `FILE` (same directory,
//! hence same file system) and renames it into place only on success, so a
//! failed or interrupted run never leaves a half file that looks whole, and
//! an existing `FILE` is replaced atomically or not at all.
//!
//! A destination that exists and is not a regular file (`/dev/null`, a
//! FIFO, `/dev/stdout`, a process substitution) is written in place: renaming
//! a temporary file over it would replace the device or pipe with a plain file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary file being written, for [`remove_temp`] (called from the
/// signal handler when a second Ctrl-C stops the run at once).
static TEMP: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Removes the temporary output file, if there is one.
pub fn remove_temp() {
    let temp = match TEMP.lock() {
        Ok(mut t) => t.take(),
        Err(poisoned) => poisoned.into_inner().take(),
    };
    if let Some(temp) = temp {
        let _ = fs::remove_file(temp);
    }
}

fn set_temp(path: Option<PathBuf>) {
    match TEMP.lock() {
        Ok(mut t) => *t = path,
        Err(poisoned) => *poisoned.into_inner() = path,
    }
}

/// The output: stdout or a temporary file renamed into place by
/// [`Sink::commit`]. Dropped without a commit, it removes its temporary file.
#[derive(Debug)]
pub enum Sink {
    /// Standard output.
    Stdout(BufWriter<Stdout>),
    /// A file being written.
    File(FileSink),
    /// An existing device or pipe, written directly.
    Stream(BufWriter<File>),
}

/// A temporary file and where it goes on success.
#[derive(Debug)]
pub struct FileSink {
    writer: Option<BufWriter<File>>,
    temp: PathBuf,
    dest: PathBuf,
}

impl Sink {
    /// Writes to stdout.
    pub fn stdout() -> Sink {
        Sink::Stdout(BufWriter::with_capacity(256 * 1024, io::stdout()))
    }

    /// Writes to a temporary file next to `dest`, or straight into `dest`
    /// when it is a device or pipe.
    pub fn file(dest: &Path) -> io::Result<Sink> {
        // `metadata` follows symbolic links: /dev/stdout is a link to a pipe.
        if let Ok(meta) = fs::metadata(dest) {
            if meta.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "is a directory",
                ));
            }
            if !meta.is_file() {
                let stream = OpenOptions::new().write(true).open(dest)?;
                return Ok(Sink::Stream(BufWriter::with_capacity(256 * 1024, stream)));
            }
        }
        let name = dest
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let pid = std::process::id();
        let mut attempt = 0;
        loop {
            let temp = dir.join(format!(
                ".{}.tag_articles-{pid}-{attempt}.tmp",
                name.to_string_lossy()
            ));
            match OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(file) => {
                    set_temp(Some(temp.clone()));
                    return Ok(Sink::File(FileSink {
                        writer: Some(BufWriter::with_capacity(256 * 1024, file)),
                        temp,
                        dest: dest.to_path_buf(),
                    }));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Flushes, and for a file: syncs it and renames it into place.
    pub fn commit(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush(),
            Sink::Stream(mut w) => w.flush(),
            Sink::File(mut f) => {
                let Some(w) = f.writer.take() else {
                    return Ok(());
                };
                let file = w.into_inner().map_err(|e| e.into_error())?;
                file.sync_all()?;
                drop(file);
                fs::rename(&f.temp, &f.dest)?;
                set_temp(None);
                Ok(())
            }
        }
    }

    /// Gives up: for a file, removes the temporary file; for stdout or a
    /// stream, flushes what was written (those lines are complete).
    pub fn abandon(self) {
        match self {
            Sink::Stdout(mut w) => {
                let _ = w.flush();
            }
            Sink::Stream(mut w) => {
                let _ = w.flush();
            }
            // Dropping removes the temporary file.
            Sink::File(f) => drop(f),
        }
    }

    /// The temporary file, when writing to a file.
    pub fn temp_path(&self) -> Option<&Path> {
        match *self {
            Sink::Stdout(_) | Sink::Stream(_) => None,
            Sink::File(ref f) => Some(&f.temp),
        }
    }
}

impl Drop for FileSink {
    fn drop(&mut self) {
        if self.writer.take().is_some() {
            let _ = fs::remove_file(&self.temp);
            set_temp(None);
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match *self {
            Sink::Stdout(ref mut w) => w.write(buf),
            Sink::Stream(ref mut w) => w.write(buf),
            Sink::File(ref mut f) => match f.writer {
                Some(ref mut w) => w.write(buf),
                None => Err(io::Error::other("output already closed")),
            },
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match *self {
            Sink::Stdout(ref mut w) => w.write_all(buf),
            Sink::Stream(ref mut w) => w.write_all(buf),
            Sink::File(ref mut f) => match f.writer {
                Some(ref mut w) => w.write_all(buf),
                None => Err(io::Error::other("output already closed")),
            },
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match *self {
            Sink::Stdout(ref mut w) => w.flush(),
            Sink::Stream(ref mut w) => w.flush(),
            Sink::File(ref mut f) => match f.writer {
                Some(ref mut w) => w.flush(),
                None => Ok(()),
            },
        }
    }
}
