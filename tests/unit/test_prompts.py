import pytest

import prompts


@pytest.mark.parametrize("name", prompts.names())
def test_every_prompt_renders_with_exactly_its_placeholders(name):
    fields = prompts.placeholders(name)
    assert fields, f"{name} has no placeholders"
    rendered = prompts.render(name, **{field: f"<{field}>" for field in fields})
    for field in fields:
        assert f"<{field}>" in rendered
    assert '{"' in rendered or "JSON" not in rendered, "the JSON example must survive rendering"


def test_missing_or_unused_values_are_refused():
    fields = prompts.placeholders("explain")
    values = {field: "x" for field in fields}
    with pytest.raises(KeyError, match="missing"):
        prompts.render("explain", **{k: v for k, v in values.items() if k != "movies"})
    with pytest.raises(KeyError, match="unused"):
        prompts.render("explain", **values, extra="y")


def test_the_prompts_we_ship():
    assert set(prompts.names()) == {"explain", "understand"}
    assert {"profile", "exclude", "movies", "request"} <= prompts.placeholders("explain")
