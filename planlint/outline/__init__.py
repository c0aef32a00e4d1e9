"""Outline parsing: text → lines → Lark classification → tree of numbered headings."""
