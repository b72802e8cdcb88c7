"""Files uploaded through a form, as the text the database stores: {name: text}. A zip is
unpacked (its folders kept in the names). Bytes that are not UTF-8 text are named back to
the page, which refuses the whole upload before calling the database: the database stores
text (and PostgreSQL's text holds no NUL). How many files, and their names, is the
database's rule (app.check_files)."""

from __future__ import annotations

import io
import zipfile

from werkzeug.datastructures import FileStorage

# What one zip may unpack: bounds the memory it may claim before the database's rule
# (at most 100 files) gets to see it.
ZIP_FILES_AT_MOST = 200
ZIP_BYTES_AT_MOST = 8 * 1024 * 1024


def texts(uploads: list[FileStorage], *, unzip: bool) -> tuple[dict[str, str], list[str]]:
    """The uploaded files as {name: text}, and the names of those that are not UTF-8 text."""
    files: dict[str, str] = {}
    unreadable: list[str] = []

    def keep(filename: str, data: bytes) -> None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = "\x00"
        if "\x00" in text:
            unreadable.append(filename)
        else:
            files[filename] = text

    for upload in uploads:
        if not upload.filename:
            continue
        data = upload.read()
        if unzip and upload.filename.lower().endswith(".zip"):
            try:
                archive = zipfile.ZipFile(io.BytesIO(data))
            except zipfile.BadZipFile:
                unreadable.append(upload.filename)
                continue
            members = [m for m in archive.infolist() if not m.is_dir() and not m.filename.startswith("__MACOSX/")]
            if len(members) > ZIP_FILES_AT_MOST or sum(m.file_size for m in members) > ZIP_BYTES_AT_MOST:
                unreadable.append(f"{upload.filename} (over {ZIP_FILES_AT_MOST} files or 8 MB unpacked)")
                continue
            for member in members:
                keep(member.filename, archive.read(member))
        else:
            keep(upload.filename, data)
    return files, unreadable
