"""A small document for the clause tests of ``join_skips`` and ``peel_edges``: three matched 1-1
beads (cosine 1, crossed 0: the document's levels) and a German sentence pair whose short second
sentence a French sentence carries as its last clause."""

from __future__ import annotations

import numpy as np

CL_SRC = ["eins", "zwei", "drei", "Das Lager stand am 12. Juni.", "Nun begannen die Erkundungen :"]
CL_TGT = ["un", "deux", "trois", "Le camp fut installé le 12 juin , et les reconnaissances commencèrent ."]
CLAUSE = "et les reconnaissances commencèrent ."  # the French sentence's last clause


def clause_table(clause: list[float]) -> dict[str, list[float]]:
    """Vectors of the document's texts, with ``clause`` for the French sentence's last clause."""
    e = np.eye(6).tolist()
    return {"eins": e[0], "zwei": e[1], "drei": e[2], "un": e[0], "deux": e[1], "trois": e[2],
            CL_SRC[3]: e[3], CL_SRC[4]: e[4], CL_TGT[3]: [0, 0, 0, 1, 0.3, 0],
            # joined, the German is further from the long French sentence than its first sentence alone
            CL_SRC[3] + " " + CL_SRC[4]: [0, 0, 0, 1, 1, 0],
            CLAUSE: clause}
