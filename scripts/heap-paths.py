#!/usr/bin/env python3
"""Who holds what in a heap dump (issue 14, item 5): a small HPROF reader, a diagnostic, not a test.

    scripts/heap-paths.py DUMP CLASS [N] [MIN_BYTES]

DUMP from `jcmd PID GC.heap_dump FILE` (e.g. of `scripts/bench-pulse.sh` run with
BENCH_JAVA_OPTIONS=-Dbench.hold=60). CLASS in the dump's spelling: `javafx/stage/Stage`, or `int[]`.
Prints how many instances there are and, for the first N (5), the shortest chain of references from
a GC root. A weak or phantom reference does not keep its referent alive, so the chain never passes
through one; with NOSOFT=1 it does not pass through a soft reference either ("no strong root" then
means: kept only by a SoftReference, freed when the collector clears those). With MIN_BYTES, the
arrays or objects of at least that size are summed by the chain that holds them.
Reads the whole dump into memory: about 2 GB and 30 s for a 180 MB dump.
"""
import collections
import os
import struct
import sys

dump, target = sys.argv[1], sys.argv[2]
shown = int(sys.argv[3]) if len(sys.argv) > 3 else 5
min_bytes = int(sys.argv[4]) if len(sys.argv) > 4 else None
data = open(dump, 'rb').read()
p = data.index(b'\0') + 1
if struct.unpack('>I', data[p:p + 4])[0] != 8:
    sys.exit('only 8-byte identifiers are supported')
p += 12
PRIM = {4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
PRIM_NAME = {4: 'boolean[]', 5: 'char[]', 6: 'float[]', 7: 'double[]', 8: 'byte[]', 9: 'short[]',
             10: 'int[]', 11: 'long[]'}
ROOT_SIZE = {0xff: 8, 0x01: 16, 0x02: 16, 0x03: 16, 0x04: 12, 0x05: 8, 0x06: 12, 0x07: 8, 0x08: 16}
ROOT_NAME = {0xff: 'unknown', 0x01: 'JNI global', 0x02: 'JNI local', 0x03: 'Java frame',
             0x04: 'native stack', 0x05: 'system class', 0x06: 'thread block', 0x07: 'monitor',
             0x08: 'thread'}


def ident(at):
    return struct.unpack_from('>Q', data, at)[0]


strings, class_name, classes, instances = {}, {}, {}, {}
kind, size, roots = {}, {}, {}
referrers = collections.defaultdict(list)  # object -> [(holder, field)]
while p < len(data):
    tag = data[p]
    length = struct.unpack_from('>I', data, p + 5)[0]
    body, p = p + 9, p + 9 + length
    if tag == 0x01:
        strings[ident(body)] = data[body + 8:body + length].decode('utf8', 'replace')
    elif tag == 0x02:
        class_name[ident(body + 4)] = strings.get(ident(body + 16), '?')
    elif tag in (0x0c, 0x1c):
        q, end = body, body + length
        while q < end:
            sub = data[q]
            q += 1
            if sub in ROOT_SIZE:
                roots[ident(q)] = ROOT_NAME[sub]
                q += ROOT_SIZE[sub]
            elif sub == 0x20:  # class: statics hold references
                cid, superclass = ident(q), ident(q + 12)
                q += 64
                count = struct.unpack_from('>H', data, q)[0]
                q += 2
                for _ in range(count):  # constant pool: index, type, value
                    t = data[q + 2]
                    q += 3 + (8 if t == 2 else PRIM[t])
                count = struct.unpack_from('>H', data, q)[0]
                q += 2
                for _ in range(count):  # statics: name, type, value
                    t = data[q + 8]
                    if t == 2 and ident(q + 9):
                        referrers[ident(q + 9)].append((cid, 'static ' + strings.get(ident(q), '?')))
                    q += 9 + (8 if t == 2 else PRIM[t])
                count = struct.unpack_from('>H', data, q)[0]
                q += 2
                fields = []
                for _ in range(count):  # instance fields: name, type
                    fields.append((strings.get(ident(q), '?'), data[q + 8]))
                    q += 9
                classes[cid] = (superclass, fields)
            elif sub == 0x21:  # instance
                oid, cid = ident(q), ident(q + 12)
                n = struct.unpack_from('>I', data, q + 20)[0]
                instances[oid] = (cid, q + 24)
                kind[oid], size[oid] = cid, n
                q += 24 + n
            elif sub == 0x22:  # object array
                oid, n = ident(q), struct.unpack_from('>I', data, q + 12)[0]
                kind[oid], size[oid] = ident(q + 16), 8 * n
                for i in range(n):
                    v = ident(q + 24 + 8 * i)
                    if v:
                        referrers[v].append((oid, '[%d]' % i))
                q += 24 + 8 * n
            elif sub == 0x23:  # primitive array
                oid, n, t = ident(q), struct.unpack_from('>I', data, q + 12)[0], data[q + 16]
                kind[oid], size[oid] = PRIM_NAME[t], n * PRIM[t]
                q += 17 + n * PRIM[t]
            else:
                sys.exit('unknown heap dump record %#x' % sub)

not_holding = {'java/lang/ref/WeakReference', 'java/lang/ref/PhantomReference'}
if os.environ.get('NOSOFT'):
    not_holding.add('java/lang/ref/SoftReference')
layouts, weak = {}, {}


def is_weak(cid):
    if cid not in weak:
        c = cid
        while c and class_name.get(c) not in not_holding:
            c = classes[c][0]
        weak[cid] = bool(c)
    return weak[cid]


def layout(cid):
    if cid not in layouts:
        fields, c = [], cid
        while c:
            fields += classes[c][1]
            c = classes[c][0]
        layouts[cid] = fields
    return layouts[cid]


for oid, (cid, q) in instances.items():
    skip_referent = is_weak(cid)
    for name, t in layout(cid):
        if t == 2:
            v = ident(q)
            if v and not (skip_referent and name == 'referent'):
                referrers[v].append((oid, name))
            q += 8
        else:
            q += PRIM[t]


def name(o):
    k = kind.get(o)
    if k is None:
        return 'class ' + class_name.get(o, '?')
    return k if isinstance(k, str) else class_name.get(k, '?')


def chain(o):
    """The shortest chain from a root to o, as 'Holder.field' steps, or None."""
    via, queue = {o: None}, collections.deque([o])
    while queue:
        x = queue.popleft()
        if x in roots or (x in class_name and x not in kind):
            steps = []
            while x != o:
                holder, field = x, via[x][1]
                steps.append('%s.%s' % (name(holder), field))
                x = via[x][0]
            return steps
        for holder, field in referrers.get(x, ()):
            if holder not in via:
                via[holder] = (x, field)
                queue.append(holder)
    return None


found = [o for o in kind if name(o) == target]
found.sort(key=lambda o: -size[o])
print('%d instances of %s, %d bytes' % (len(found), target, sum(size[o] for o in found)))
for o in found[:shown]:
    steps = chain(o)
    print('--- %#x, %d bytes' % (o, size[o]))
    print('    ' + ('\n    -> '.join(steps + [target]) if steps is not None else 'no strong root'))
if min_bytes is not None:
    count, total = collections.Counter(), collections.Counter()
    for o in (o for o in found if size[o] >= min_bytes):
        steps = chain(o)
        key = 'no strong root' if steps is None else ' > '.join(
            s.split('/')[-1] for s in steps if '.[' not in s and '$Node.' not in s)
        count[key] += 1
        total[key] += size[o]
    for key, b in total.most_common(15):
        print('%10d bytes in %4d: %s' % (b, count[key], key))
