"""Each runtime's library is pinned twice, for the runner image and for the trusted side (which computes
expected outputs with it): the pins must agree, or a verdict depends on which side computed what."""
import re
import tomllib

import pytest

from ..conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def pins(text: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) for m in re.finditer(r"^\s*([A-Za-z0-9_.-]+)==([^\s;#]+)", text, re.M)}


def project_pins() -> dict[str, str]:
    lines = PYPROJECT["project"]["dependencies"] + sum(PYPROJECT["project"]["optional-dependencies"].values(), [])
    return pins("\n".join(lines))


@pytest.mark.parametrize("requirements, library", [("runner-requirements.txt", "numpy"),
                                                   ("runner-torch-requirements.txt", "torch")])
def test_the_runner_image_and_the_trusted_side_pin_the_same_version(requirements, library):
    image = pins((ROOT / "docker" / requirements).read_text())
    assert library in image and image[library] == project_pins()[library]
