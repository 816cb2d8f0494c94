#!/usr/bin/env python3
"""Writes the Jazzer seed inputs of the fuzz tests from the shared corpus (../shared/corpus).

Run from the checkout after the corpus changes: python3 scripts/fuzz-seeds.py [corpus-dir]
Seeds go to src/test/resources/<package>/<TestClass>Inputs/<method>/, where `mvn test` runs each
as a regression test. Files of the same name are overwritten; crash-* files are kept.
TXT RRsets are encoded as the fuzz tests decode them: records separated by 0x1E, the
character-strings of one record by 0x1F, UTF-8.
"""
import json
import os
import sys

corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "corpus")
res = os.path.join("src", "test", "resources", "org", "stslens")


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def seeds(rel, data_by_name):
    folder = os.path.join(res, *rel.split("/"))
    for name, data in data_by_name.items():
        write(folder, name, data)


def load(name):
    with open(os.path.join(corpus, name), encoding="utf-8") as f:
        return json.load(f)


def rrset(strings):
    return b"\x1e".join(b"\x1f".join(s.encode("utf-8") for s in rr) for rr in strings)


policies = {c["id"]: c["body"].encode("utf-8") for c in load("policies.json")}
txt = {c["id"]: rrset(c["txt_strings"]) for c in load("txt-records.json")}
rpt = {c["id"]: rrset(c["txt_strings"]) for c in load("tlsrpt-records.json")}

# No corpus file holds SMTP replies: these follow RFC 5321 §4.2 and the lab's servers.
smtp = {
    "greeting-ehlo-starttls": b"220 mx.example.com ESMTP\r\n250-mx.example.com\r\n"
    b"250-PIPELINING\r\n250-SIZE 10240000\r\n250 STARTTLS\r\n220 2.0.0 Ready\r\n",
    "bare-lf-and-code-only": b"220\n250-a\n250 b\n",
    "refused": b"554 5.7.1 no service here\r\n",
    "multiline-mismatch": b"250-first\r\n251 second\r\n",
    "garbage": b"HTTP/1.1 400 Bad Request\r\n\r\n",
    "unterminated": b"220 mx.example.com",
}

seeds("engine/policy/PolicyParserFuzzTestInputs/parse", policies)
seeds("engine/dns/StsRecordParserFuzzTestInputs/parse", txt)
seeds("engine/tlsrpt/TlsRptRecordParserFuzzTestInputs/parse", rpt)
seeds("engine/smtp/SmtpReplyFuzzTestInputs/readReplies", smtp)
seeds("workbench/edit/DraftAnalysisFuzzTestInputs/analyse", policies)
seeds("workbench/edit/QuickFixesFuzzTestInputs/fixes", policies)
print("seeds written:", len(policies) * 3 + len(txt) + len(rpt) + len(smtp))
