"""jsonschema's errors as Words: what is wrong, with the offending value, in either language.

jsonschema writes English sentences ("5 is not of type 'array'"); a run speaks
one language, so the configuration and the rule files report their schema
errors through this, and the command line says them in the run's language.
"""

from __future__ import annotations

from planlint.i18n import Words, words

_TYPES = ("array", "object", "string", "integer", "number", "boolean")
_LIMITS = {"minItems": "schema.min-items", "maxItems": "schema.max-items", "minLength": "schema.min-length",
           "maxLength": "schema.max-length", "minimum": "schema.minimum", "exclusiveMinimum": "schema.minimum",
           "maximum": "schema.maximum", "exclusiveMaximum": "schema.maximum",
           "minProperties": "schema.min-properties"}
_SHOWN_LENGTH = 60


def shown(value) -> str:
    """A value as the file wrote it, in JSON (the same in both languages), cut to fit on a line."""
    import json  # only a misconfiguration needs it

    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= _SHOWN_LENGTH else text[:_SHOWN_LENGTH - 1] + "…"


def describe(error) -> list[tuple[list, Words]]:
    """(the path to the field at fault, what is wrong with it) for one jsonschema
    ValidationError; an unknown key is named in the path, one entry each."""
    path = list(error.absolute_path)
    validator, expected, instance = error.validator, error.validator_value, error.instance
    if validator == "additionalProperties" and isinstance(instance, dict):
        known = error.schema.get("properties", {})
        said = words("schema.unknown-key", known=tuple(sorted(known))) if known else words("schema.no-keys")
        return [([*path, key], said) for key in instance if key not in known]
    if validator == "required" and isinstance(instance, dict):
        missing = tuple(name for name in expected if name not in instance)
        return [(path, words("schema.required", names=missing))]
    return [(path, _one(validator, expected, instance))]


def _one(validator: str, expected, instance) -> Words:
    value = shown(instance)
    if validator == "type":
        if isinstance(expected, str) and expected in _TYPES:
            return words(f"schema.type.{expected}", value=value)
        return words("schema.type", value=value, expected=tuple([expected] if isinstance(expected, str) else expected))
    if validator == "enum":
        return words("schema.enum", value=value, choices=tuple(shown(choice) for choice in expected))
    if validator == "const":
        return words("schema.const", value=value, expected=shown(expected))
    if validator == "minItems" and expected == 1:
        return words("schema.non-empty-list")
    if validator == "minLength" and expected == 1:
        return words("schema.empty-text")
    if validator in _LIMITS:
        return words(_LIMITS[validator], value=value, limit=expected)
    if validator == "pattern":
        return words("schema.pattern", value=value, pattern=expected)
    if validator == "uniqueItems":
        return words("schema.unique-items")
    return words("schema.other", value=value, validator=validator)
