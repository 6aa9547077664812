"""Generators for every class of hostile file in tests/corpus/hostile/README.md.

Each builder returns the bytes of one attack file, made in milliseconds (the 1 GiB Flate bomb
is assembled from one compressed block repeated, with its checksum computed in closed form).
`ATTACKS` maps a name to (builder, the outcomes atsmatch may give); "document" means it is read.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
GIB = 1 << 30


# ----------------------------------------------------------------------------------- PDF
def pdf(
    objects: list[bytes], *, root: int = 1, pad_xref: bool = True, info: int | None = None
) -> bytes:
    """A PDF with numbered objects (1-based) and a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    info_ref = b" /Info %d 0 R" % info if info else b""
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        info_ref,
        xref,
    )
    return bytes(out)


def stream(data: bytes, *, flate: bool = False, length: int | None = None) -> bytes:
    head = b"<< /Length %d%s >>\nstream\n" % (
        len(data) if length is None else length,
        b" /Filter /FlateDecode" if flate else b"",
    )
    return head + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page(contents: bytes, *, count: int = 1) -> bytes:
    """Catalog, page tree, one page whose content stream object is `contents`."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            contents,
            _FONT,
        ]
    )


def flate_bomb(size: int) -> bytes:
    """A zlib stream inflating to `size` zero bytes (a multiple of 16 MiB), about size/1000."""
    chunk = bytes(1 << 24)
    packer = zlib.compressobj(9)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    repeat = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    adler = ((size % 65521) << 16) | 1  # Adler-32 of zeros: A stays 1, B = n mod 65521
    final_empty_block = b"\x03\x00"
    return first + repeat * (size // len(chunk) - 1) + final_empty_block + adler.to_bytes(4, "big")


def pdf_stream_bomb() -> bytes:
    """A 1 MB file whose page content inflates to 1 GiB."""
    return one_page(stream(flate_bomb(GIB), flate=True))


def pdf_glyph_bomb() -> bytes:
    """2 million glyphs on one page, from a 2.5 KB file."""
    ops = b"BT /F1 1 Tf 10 10 Td (" + b"x" * 2_000_000 + b") Tj ET"
    return one_page(stream(zlib.compress(ops, 9), flate=True))


def pdf_truncated_flate() -> bytes:
    """A 1 MiB content stream cut off mid-way: pdfminer's recovery is quadratic in its size."""
    filler = random.Random(7).randbytes(1_400_000).hex().encode()
    ops = b"BT /F1 12 Tf 72 700 Td (Python engineer) Tj ET\n%" + filler
    packed = zlib.compress(ops, 6)
    assert len(packed) > 1 << 20
    return one_page(stream(packed[: 1 << 20], flate=True))


def pdf_scattered_words() -> bytes:
    """6,000 words at random positions: pdfminer's text box grouping is quadratic in them."""
    rng = random.Random(11)
    ops = [
        f"BT /F1 6 Tf {rng.uniform(10, 600):.1f} {rng.uniform(10, 780):.1f} Td (w{i}) Tj ET"
        for i in range(6_000)
    ]
    return one_page(stream(zlib.compress("\n".join(ops).encode(), 6), flate=True))


def pdf_huge_glyph(scale: float = 1e9) -> bytes:
    """A page of text plus one word scaled a billion times wide across the page: measuring the
    columns point by point over its width would take gigabytes."""
    ops = b"".join(
        b"BT /F1 11 Tf 72 %d Td (Line %d with Python and SQL) Tj ET\n" % (700 - 14 * i, i)
        for i in range(10)
    )
    ops += b"BT /F1 12 Tf %d 0 0 1 %d 300 Tm (Python) Tj ET\n" % (scale, -scale / 2)
    return one_page(stream(ops))


def pdf_deep_tree(depth: int = 5_000) -> bytes:
    """A page tree nested 5,000 levels deep (recursive walkers hit RecursionError)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = level + 2
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (number + 1))
    page = len(objects) + 1
    objects.append(
        b"<< /Type /Page /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page + 1, page + 2)
    )
    objects.append(stream(b"BT /F1 12 Tf 72 700 Td (Python engineer) Tj ET"))
    objects.append(_FONT)
    return pdf(objects)


def pdf_self_reference() -> bytes:
    """Objects that refer to themselves: as the page tree, the page contents and a length."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 2 0 R 6 0 R] /Count 6 0 R >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox 3 0 R /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length 4 0 R >>\nstream\nBT /F1 12 Tf 72 700 Td (Python) Tj ET\nendstream",
            _FONT,
            b"6 0 R",
        ]
    )


def pdf_many_pages(pages: int = 500, declared: int | None = None) -> bytes:
    """`pages` pages of text; the page tree may declare a different count."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT]
    kids = []
    for page in range(pages):
        number = len(objects) + 1
        kids.append(b"%d 0 R" % number)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (number + 1)
        )
        objects.append(stream(b"BT /F1 12 Tf 72 700 Td (Page %d: Python) Tj ET" % page))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(kids),
        pages if declared is None else declared,
    )
    return pdf(objects)


def pdf_huge_count() -> bytes:
    """One page, but the page tree claims a billion."""
    return one_page(stream(b"BT /F1 12 Tf 72 700 Td (Python) Tj ET"), count=1_000_000_000)


def pdf_cid_width_bomb() -> bytes:
    """A CID font whose /W array gives one width to two billion ids (found by fuzzing: pdfminer
    fills a dict entry per id and dies at gigabytes)."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(b"BT /F1 12 Tf 72 700 Td <00410042> Tj ET"),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Bomb /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Bomb "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/W [0 2000000000 500 10 [600 600] 70000 70010 500] >>",
        ]
    )


def pdf_encrypted() -> bytes:
    """A standard-security-handler PDF whose user password is not empty."""
    body = pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream(b"\x8a\x11\x02\x93garbage-ciphertext"),
            b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
            b"/O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>",
        ]
    )
    return body.replace(
        b"/Root 1 0 R >>", b"/Root 1 0 R /Encrypt 5 0 R /ID [<0123456789abcdef> <00>] >>"
    )


def _page_with(contents: bytes, resources: bytes = b"", extra: list[bytes] | None = None) -> bytes:
    """One page whose Flate-compressed content is `contents`; `extra` objects are numbered
    from 5 on, for `resources` to refer to."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << " + resources + b" >> >>",
            stream(zlib.compress(contents, 9), flate=True),
            *(extra or []),
        ]
    )


def pdf_path_flood(size: int = 4_000_000) -> bytes:
    """4 MB of path construction and painting operators: pdfminer builds an object per path."""
    unit = b"10 10 m 20 20 l 30 30 40 40 50 50 c 60 60 70 70 v 5 5 100 100 re h f\n"
    return _page_with(unit * (size // len(unit)))


def pdf_state_flood(size: int = 45_000_000) -> bytes:
    """45 MB of `q Q` pairs (a 46 KB file): pdfminer copies the graphics state at every `q`."""
    return _page_with(b"q Q " * (size // 4))


def pdf_state_nesting(depth: int = 2_000_000) -> bytes:
    """Two million `q` without a `Q`: pdfminer's graphics-state stack grows without end."""
    return _page_with(b"q " * depth)


def pdf_number_flood(size: int = 45_000_000) -> bytes:
    """45 MB of numbers and no operator: they pile up on pdfminer's operand stack."""
    return _page_with(b"1 " * (size // 2))


def pdf_inline_image_flood(count: int = 400_000) -> bytes:
    """400,000 one-pixel inline images: pdfminer builds a figure and an image object for each."""
    unit = b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI\n"
    return _page_with(unit * count)


def pdf_inline_image_scan(size: int = 4_000_000) -> bytes:
    """One inline image of 4 MB of "E" bytes: pdfminer's search for its end is quadratic."""
    return _page_with(b"BI /W 2000 /H 2000 /BPC 8 /CS /G ID " + b"E" * size + b" EI\n")


def pdf_nested_xobjects(levels: int = 8, fanout: int = 10) -> bytes:
    """Form XObjects that each draw the next level ten times: 10^8 invocations from 8 forms."""
    forms = []
    for level in range(levels):
        number = 5 + level
        if level + 1 < levels:
            body = b"/X Do " * fanout
            res = b"/Resources << /XObject << /X %d 0 R >> >> " % (number + 1)
        else:
            body, res = b"0 0 1 1 re f", b""
        forms.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] "
            + res
            + b"/Length %d >>\nstream\n" % len(body)
            + body
            + b"\nendstream"
        )
    return _page_with(b"/X Do " * fanout, b"/XObject << /X 5 0 R >>", forms)


def pdf_shading_flood(count: int = 4_000_000) -> bytes:
    """Four million `sh` operators painting an axial shading."""
    shading = (
        b"<< /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 600 0] /Function "
        b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0] /C1 [1 1 1] /N 1 >> >>"
    )
    return _page_with(b"/S sh " * count, b"/Shading << /S 5 0 R >>", [shading])


def pdf_type3_flood(count: int = 2_000_000) -> bytes:
    """Two million one-glyph strings in a Type3 font whose glyph procedure is itself a flood."""
    proc = b"0 0 d0 " + b"q Q " * 100_000
    font = (
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] "
        b"/CharProcs << /a 6 0 R >> /Encoding << /Differences [65 /a] >> /FirstChar 65 "
        b"/LastChar 65 /Widths [1000] >>"
    )
    return _page_with(
        b"BT /T 12 Tf " + b"(A) Tj " * count + b"ET",
        b"/Font << /T 5 0 R >>",
        [font, stream(zlib.compress(proc, 9), flate=True)],
    )


def pdf_array_flood(items: int = 2_000_000) -> bytes:
    """A `TJ` array of two million numbers: pdfminer builds it whole before the operator runs."""
    return _page_with(b"BT [" + b"1 " * items + b"] TJ ET")


def pdf_flate_bomb(size: int = 13 << 24) -> bytes:
    """A page whose content stream inflates to 208 MiB, over the 50 MiB stream budget."""
    return one_page(stream(flate_bomb(size), flate=True))


# ---------------------------------------------------------------------------------- DOCX
def _rels(*targets: tuple[str, str]) -> str:
    items = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(targets, start=1)
    )
    return f'<Relationships xmlns="{PKG}">{items}</Relationships>'


def docx(
    body: str = "<w:p><w:r><w:t>Python and Kubernetes</w:t></w:r></w:p>",
    *,
    namespace: str = W,
    content_type: str = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    ),
    extra: dict[str, bytes] | None = None,
    document_rels: str | None = None,
    document_xml: bytes | None = None,
) -> bytes:
    """A minimal Word package; `extra` adds raw members."""
    buffer = io.BytesIO()
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/word/document.xml" ContentType="{content_type}"/></Types>'
    )
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", _rels(("officeDocument", "word/document.xml")))
        archive.writestr(
            "word/document.xml",
            document_xml
            or f'<w:document xmlns:w="{namespace}"><w:body>{body}</w:body></w:document>'.encode(),
        )
        if document_rels is not None:
            archive.writestr("word/_rels/document.xml.rels", document_rels)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_zip_bomb() -> bytes:
    """A 1 GiB part (an "image") deflated into about 1 MB: real deflate data, valid CRC."""
    base = docx()
    cut = base.index(b"PK\x01\x02")  # members end where the central directory starts
    members, directory = base[:cut], base[cut : base.index(b"PK\x05\x06")]
    raw = flate_bomb(GIB)[2:-4]  # zlib framing off: a zip member holds raw deflate
    crc, chunk = 0, bytes(1 << 24)
    for _ in range(GIB // len(chunk)):
        crc = zlib.crc32(chunk, crc)
    name = b"word/media/image1.png"
    fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0, crc, len(raw), GIB)
    local = b"PK\x03\x04" + fields + struct.pack("<HH", len(name), 0) + name
    central = (
        b"PK\x01\x02"
        + struct.pack("<H", 20)
        + fields
        + struct.pack("<HHHHHI", len(name), 0, 0, 0, 0, 0)
        + struct.pack("<I", len(members))
        + name
    )
    count = base.count(b"PK\x01\x02") + 1
    body = members + local + raw
    directory += central
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, count, count, len(directory), len(body), 0)
    return body + directory + end


def docx_xml_bomb() -> bytes:
    """Billion laughs: ten levels of ten entity references in document.xml."""
    entities = ['<!ENTITY lol0 "Python ">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(entities)}]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:body></w:document>"
    )
    return docx(document_xml=xml.encode())


def docx_external_entity() -> bytes:
    """An external entity pointing at a local file (XXE)."""
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;Python</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return docx(document_xml=xml.encode())


def docx_many_paragraphs() -> bytes:
    """document.xml with 2 million paragraphs (python-docx: 50 s, 1.6 GB)."""
    paragraph = b"<w:p><w:r><w:t>Python</w:t></w:r></w:p>"
    xml = (
        f'<w:document xmlns:w="{W}"><w:body>'.encode()
        + paragraph * 2_000_000
        + b"</w:body></w:document>"
    )
    return docx(document_xml=xml)


def docx_run_flood(runs: int = 200_000) -> bytes:
    """One paragraph of 200,000 runs of random words, 1.6 million characters of text: over the
    character limit many times, in a 4 MB file whose parts compress like real text."""
    rng = random.Random(5)
    words = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=7)) for _ in range(4096)]
    body = "".join(f"<w:r><w:t>{rng.choice(words)} </w:t></w:r>" for _ in range(runs))
    return docx(body=f"<w:p>{body}</w:p>")


def docx_relationship_chain(depth: int = 3_000) -> bytes:
    """Each part relates to the next, 3,000 deep (python-docx recurses: RecursionError)."""
    extra: dict[str, bytes] = {}
    for level in range(depth):
        extra[f"word/part{level}.xml"] = b"<x/>"
        extra[f"word/_rels/part{level}.xml.rels"] = _rels(
            ("customXml", f"part{level + 1}.xml")
        ).encode()
    return docx(document_rels=_rels(("customXml", "part0.xml")), extra=extra)


def docx_password_protected() -> bytes:
    """What Word writes for a password-protected .docx: an OLE container, not a zip."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    return header + "EncryptionInfo".encode("utf-16-le") + bytes(64) + os_random(512)


def os_random(size: int) -> bytes:
    return random.Random(size).randbytes(size)


def docx_macro() -> bytes:
    """A .docm: macro-enabled content type and a vbaProject.bin part (never run, text read)."""
    return docx(
        content_type="application/vnd.ms-word.document.macroEnabled.main+xml",
        document_rels=_rels(("vbaProject", "vbaProject.bin")),
        extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + os_random(256)},
    )


def docx_template() -> bytes:
    """A .dotx: a template's content type (python-docx rejects it)."""
    return docx(
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
    )


def docx_strict() -> bytes:
    """Strict OOXML: the purl.oclc.org namespaces (python-docx cannot open it)."""
    return docx(namespace=W_STRICT)


def _patch_local_member(data: bytes, name: bytes, patch: Callable[[bytearray, int], None]) -> bytes:
    out = bytearray(data)
    at = out.find(b"PK\x03\x04")
    while at >= 0:
        name_len = struct.unpack_from("<H", out, at + 26)[0]
        if out[at + 30 : at + 30 + name_len] == name:
            patch(out, at)
            return bytes(out)
        at = out.find(b"PK\x03\x04", at + 4)
    raise AssertionError(f"no member {name!r}")


def docx_corrupt_deflate() -> bytes:
    """document.xml's deflate data overwritten with junk (zlib.error inside zipfile)."""
    data = docx(body="<w:p><w:r><w:t>" + "Python " * 200 + "</w:t></w:r></w:p>")

    def smash(out: bytearray, at: int) -> None:
        name_len, extra_len = struct.unpack_from("<HH", out, at + 26)
        start = at + 30 + name_len + extra_len
        out[start : start + 16] = b"\xff" * 16

    return _patch_local_member(data, b"word/document.xml", smash)


def _set_flag_and_method(flag: int, method: int | None) -> bytes:
    data = bytearray(docx())
    name = b"word/document.xml"
    for signature, flag_at, method_at, name_at, len_at in (
        (b"PK\x03\x04", 6, 8, 30, 26),
        (b"PK\x01\x02", 8, 10, 46, 28),
    ):
        at = data.find(signature)
        while at >= 0:
            name_len = struct.unpack_from("<H", data, at + len_at)[0]
            if data[at + name_at : at + name_at + name_len] == name:
                struct.pack_into("<H", data, at + flag_at, flag)
                if method is not None:
                    struct.pack_into("<H", data, at + method_at, method)
            at = data.find(signature, at + 4)
    return bytes(data)


def docx_zipcrypto() -> bytes:
    """document.xml flagged as ZipCrypto-encrypted (zipfile: RuntimeError without password)."""
    return _set_flag_and_method(0x1, None)


def docx_aes() -> bytes:
    """document.xml with WinZip AES (method 99; zipfile: NotImplementedError)."""
    return _set_flag_and_method(0x1, 99)


def docx_unknown_method() -> bytes:
    """document.xml with a compression method zipfile does not know."""
    return _set_flag_and_method(0x0, 97)


# ---------------------------------------------------------------------------------- text
def text_huge() -> bytes:
    """100 MB of text."""
    return b"Python engineer with Kubernetes.\n" * (100 * 1024 * 1024 // 33)


def text_cp1252() -> bytes:
    return (
        "Jürgen Müller – Senior Data Engineer\nSkills: Python, Spark, Kafka “streaming”\n".encode(
            "cp1252"
        )
    )


def text_utf16() -> bytes:
    return "Skills: Python, PyTorch, Docker\n".encode("utf-16")


def text_mixed() -> bytes:
    """UTF-8 lines and cp1252 lines in one file (copy-paste from several sources)."""
    return (
        "Zoë Ngô — ML engineer\n".encode()
        + "Skills: Python, Kubernetes, “MLOps” – 5 years\n".encode("cp1252")
        + "Tools: Terraform · Airflow\n".encode()
    )


def text_latin1_controls() -> bytes:
    return b"Name: Andr\xe9\x0c\nSkills:\tPython\x85 SQL\r\n"


Outcome = str
ATTACKS: dict[str, tuple[Callable[[], bytes], frozenset[Outcome]]] = {
    "pdf_stream_bomb_1GiB": (pdf_stream_bomb, frozenset({"LimitExceededError"})),
    "pdf_glyph_bomb_2M": (pdf_glyph_bomb, frozenset({"LimitExceededError"})),
    "pdf_truncated_flate_1MiB": (pdf_truncated_flate, frozenset({"document"})),
    "pdf_scattered_6000_words": (pdf_scattered_words, frozenset({"document"})),
    "pdf_huge_glyph_1e9": (pdf_huge_glyph, frozenset({"document"})),
    "pdf_deep_page_tree_5000": (
        pdf_deep_tree,
        frozenset({"document", "CorruptDocumentError", "NoTextLayerError"}),
    ),
    "pdf_self_reference": (
        pdf_self_reference,
        frozenset({"document", "CorruptDocumentError", "NoTextLayerError"}),
    ),
    "pdf_500_pages": (pdf_many_pages, frozenset({"LimitExceededError"})),
    "pdf_500_pages_declaring_1": (
        lambda: pdf_many_pages(500, declared=1),
        frozenset({"LimitExceededError"}),
    ),
    "pdf_count_1e9": (pdf_huge_count, frozenset({"LimitExceededError"})),
    "pdf_encrypted": (pdf_encrypted, frozenset({"EncryptedDocumentError"})),
    "pdf_cid_width_bomb": (pdf_cid_width_bomb, frozenset({"document", "NoTextLayerError"})),
    "docx_zip_bomb_1GiB": (docx_zip_bomb, frozenset({"LimitExceededError"})),
    "docx_xml_bomb": (docx_xml_bomb, frozenset({"document", "CorruptDocumentError"})),
    "docx_external_entity": (docx_external_entity, frozenset({"document"})),
    "docx_2M_paragraphs": (docx_many_paragraphs, frozenset({"LimitExceededError"})),
    "docx_relationship_chain_3000": (docx_relationship_chain, frozenset({"LimitExceededError"})),
    "docx_relationship_chain_900": (
        lambda: docx_relationship_chain(900),
        frozenset({"document"}),
    ),
    "docx_password_protected": (docx_password_protected, frozenset({"EncryptedDocumentError"})),
    "docm_macro": (docx_macro, frozenset({"document"})),
    "dotx_template": (docx_template, frozenset({"document"})),
    "docx_strict_ooxml": (docx_strict, frozenset({"document"})),
    "docx_corrupt_deflate": (docx_corrupt_deflate, frozenset({"CorruptDocumentError"})),
    "docx_zipcrypto": (docx_zipcrypto, frozenset({"EncryptedDocumentError"})),
    "docx_aes": (docx_aes, frozenset({"EncryptedDocumentError"})),
    "docx_unknown_compression": (docx_unknown_method, frozenset({"CorruptDocumentError"})),
    "text_100MB": (text_huge, frozenset({"LimitExceededError"})),
    "text_cp1252": (text_cp1252, frozenset({"document"})),
    "text_utf16": (text_utf16, frozenset({"document"})),
    "text_mixed_encodings": (text_mixed, frozenset({"document"})),
    "text_latin1_controls": (text_latin1_controls, frozenset({"document"})),
    "empty": (lambda: b"", frozenset({"NoTextLayerError"})),
    "blank": (lambda: b" \n\t\r\n" * 100, frozenset({"NoTextLayerError"})),
}
