"""The kinds of the cross-document stage as enums (string-valued, so they serialise as words)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["SpeakerType", "CandidateKind"]


class SpeakerType(StrEnum):
    """What a speaker node is: who can say something in the news."""

    PERSON = "person"
    ORGANISATION = "organisation"
    GOVERNMENT = "government"
    GROUP = "group"
    ANONYMOUS = "anonymous"


class CandidateKind(StrEnum):
    """What a speaker span offers before it is resolved.

    ``surname`` is one name word ("Lavrov"); ``role`` an office ("the Secretary of State");
    ``generic`` an unnamed collective ("police", "officials"); ``description`` a person
    described, not named ("the actress"); ``role_of`` a role held for someone ("her rep");
    ``org_short`` an organisation called by its head word ("the Academy").
    """

    PERSON = "person"
    SURNAME = "surname"
    ROLE = "role"
    ORGANISATION = "organisation"
    GOVERNMENT = "government"
    ANONYMOUS = "anonymous"
    GROUP = "group"
    GENERIC = "generic"
    DESCRIPTION = "description"
    ROLE_OF = "role_of"
    ORG_SHORT = "org_short"


#: The speaker type each resolved candidate kind gives.
SPEAKER_TYPE = {
    CandidateKind.PERSON: SpeakerType.PERSON,
    CandidateKind.SURNAME: SpeakerType.PERSON,
    CandidateKind.ROLE: SpeakerType.PERSON,
    CandidateKind.DESCRIPTION: SpeakerType.PERSON,
    CandidateKind.ROLE_OF: SpeakerType.PERSON,
    CandidateKind.ORGANISATION: SpeakerType.ORGANISATION,
    CandidateKind.ORG_SHORT: SpeakerType.ORGANISATION,
    CandidateKind.GOVERNMENT: SpeakerType.GOVERNMENT,
    CandidateKind.ANONYMOUS: SpeakerType.ANONYMOUS,
    CandidateKind.GENERIC: SpeakerType.ANONYMOUS,
    CandidateKind.GROUP: SpeakerType.GROUP,
}
