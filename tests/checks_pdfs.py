"""PDFs generated for the parseability tests, written by a separate process.

reportlab encodes standard-font text through a codec that Python caches on first use, and
`examples/make_resume.py` swaps that codec before it writes; drawing text in the test process
would change the regenerated example's bytes, so `python tests/checks_pdfs.py DIR` writes these.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

BODY = [
    "Experience",
    "Senior ML Engineer, Acme Inc   Jan 2020 – Present",
    "• Built a PyTorch ranking model that lifted click-through by 12% across 40M users.",
    "• Deployed Kubernetes inference services on AWS serving 3,000 requests per second.",
    "Education",
    "M.S. Computer Science, Stanford University   Sep 2015 – Jun 2017",
    "Skills",
    "Python, PyTorch, Kubernetes, AWS, SQL",
]


def write_lines(c: Any, lines: list[str], *, x: float = 72, top: float = 100) -> None:
    c.setFont("Helvetica", 10)
    for i, text in enumerate(lines):
        c.drawString(x, 792 - top - i * 14, text)


def two_columns(c: Any) -> None:
    write_lines(c, ["Jane Roe", "jane.roe@example.com"], top=60)
    left = ["EXPERIENCE", "Acme Inc", "ML Engineer", "Built ranking models", "Served 40M users",
            "Cut latency by 30%", "Owned feature store"]  # fmt: skip
    right = ["SKILLS", "Python", "PyTorch", "Kubernetes", "AWS SageMaker", "SQL", "Terraform"]
    write_lines(c, left, x=72, top=120)
    write_lines(c, right, x=360, top=120)


def stuffed(c: Any) -> None:
    write_lines(c, ["Jane Roe", "jane.roe@example.com", *BODY], top=60)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica", 10)
    c.drawString(72, 500, "Kubernetes Terraform Spark Airflow MLOps Kubeflow")
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 2)
    c.drawString(72, 400, "TensorFlow JAX Ray Triton")


def header_contact(c: Any) -> None:
    for _ in range(2):
        c.setFont("Helvetica", 9)
        c.drawString(72, 770, "Jane Roe | jane.roe@example.com | +1 415 555 0100")
        write_lines(c, ["Jane Roe", *BODY], top=100)
        c.showPage()


def image_only(c: Any) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    c.drawImage(ImageReader(Image.new("RGB", (40, 20), "white")), 72, 600)


def main(out: Path) -> None:
    from reportlab.pdfgen import canvas

    for draw in (two_columns, stuffed, header_contact, image_only):
        c = canvas.Canvas(str(out / f"{draw.__name__}.pdf"), pagesize=(612, 792), invariant=1)
        draw(c)
        c.save()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
