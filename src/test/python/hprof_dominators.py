"""What each connection keeps alive, from a heap dump of a server holding N idle connections.

usage: python3 hprof_dominators.py DUMP.hprof HISTOGRAM.txt N

DUMP.hprof from `jcmd PID GC.heap_dump FILE`, HISTOGRAM.txt from `jcmd PID GC.class_histogram` of the same
server at the same moment (it gives each class's shallow size as the running JVM lays it out, with compressed
references, which the dump does not). Builds the dominator tree (Cooper, Harvey and Kennedy's iterative
algorithm) from the GC roots, takes as per-connection roots the objects of classes with at least 0.9 N instances
whose immediate dominator is not of such a class, and prints what they retain per connection, then the tree
below the three largest, down to 40 bytes per connection, then Chorus's own objects. Plain Python 3, no
packages; about three minutes and 2 GB for a 60 MB dump (2000 connections).
"""
import sys, struct, collections, re
path, histpath, N = sys.argv[1], sys.argv[2], int(sys.argv[3])
avg = {}
for line in open(histpath):
    m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)', line)
    if m: avg[m.group(3)] = int(m.group(2)) / int(m.group(1))
data = open(path, 'rb').read()
p = data.index(b'\0') + 1
I = struct.unpack('>I', data[p:p+4])[0]; p += 12
fmt = '>Q' if I == 8 else '>I'
def rid(o): return struct.unpack_from(fmt, data, o)[0]
SIZES = {2: I, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
HEAP = {2: 4, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
PRIM = {4: '[Z', 5: '[C', 6: '[F', 7: '[D', 8: '[B', 9: '[S', 10: '[I', 11: '[J'}
strings = {}; classname = {}; segments = []
while p < len(data):
    tag = data[p]; length = struct.unpack_from('>I', data, p+5)[0]; body = p + 9
    if tag == 0x01: strings[rid(body)] = data[body+I:body+length].decode('utf8', 'replace')
    elif tag == 0x02: classname[rid(body+4)] = rid(body+8+I)
    elif tag in (0x0C, 0x1C): segments.append((body, body+length))
    p = body + length
def cname(cid): return strings.get(classname.get(cid), '?').replace('/', '.')
classes = {}; roots = []
ids = {}; kind = []; size = []; edges_at = []  # per object: (type, offset, extra)
def add(oid, k, s, e):
    ids[oid] = len(kind); kind.append(k); size.append(s); edges_at.append(e)
for start, end in segments:
    q = start
    while q < end:
        t = data[q]; q += 1
        if t == 0xFF: roots.append(rid(q)); q += I
        elif t == 0x01: roots.append(rid(q)); q += 2*I
        elif t in (0x02, 0x03): roots.append(rid(q)); q += I + 8
        elif t in (0x04, 0x06): roots.append(rid(q)); q += I + 4
        elif t in (0x05, 0x07): roots.append(rid(q)); q += I
        elif t == 0x08: roots.append(rid(q)); q += I + 8
        elif t == 0x20:
            cid = rid(q); sup = rid(q+4+I); q += 4 + 7*I + 4
            n = struct.unpack_from('>H', data, q)[0]; q += 2
            for _ in range(n): ty = data[q+2]; q += 3 + SIZES[ty]
            n = struct.unpack_from('>H', data, q)[0]; q += 2
            statics = []
            for _ in range(n):
                ty = data[q+I]
                if ty == 2: statics.append(rid(q+I+1))
                q += I + 1 + SIZES[ty]
            n = struct.unpack_from('>H', data, q)[0]; q += 2
            fields = []
            for _ in range(n): fields.append((strings.get(rid(q), '?'), data[q+I])); q += I + 1
            classes[cid] = (sup, fields)
            add(cid, 'java.lang.Class', avg.get('java.lang.Class', 100), ('s', statics))
            roots.append(cid)
        elif t == 0x21:
            oid = rid(q); cid = rid(q+4+I); nb = struct.unpack_from('>I', data, q+4+2*I)[0]
            add(oid, cid, None, ('i', q + 8 + 2*I)); q += 8 + 2*I + nb
        elif t == 0x22:
            oid = rid(q); n = struct.unpack_from('>I', data, q+4+I)[0]; acid = rid(q+8+I)
            add(oid, '[L' + cname(acid).lstrip('[L').rstrip(';') + ';', (16 + 4*n + 7)//8*8, ('a', q + 8 + 2*I, n))
            q += 8 + 2*I + n*I
        elif t == 0x23:
            oid = rid(q); n = struct.unpack_from('>I', data, q+4+I)[0]; ty = data[q+8+I]
            add(oid, PRIM[ty], (16 + HEAP[ty]*n + 7)//8*8, None); q += 9 + I + n*SIZES[ty]
        else: raise SystemExit('subtag %x' % t)
layouts = {}
def layout(cid):
    if cid not in layouts:
        out = []; c = cid
        while c in classes:
            sup, fields = classes[c]; out.extend(ty for f, ty in fields); c = sup
        layouts[cid] = out
    return layouts[cid]
M = len(kind)
names = [None]*M
for v in range(M):
    k = kind[v]
    if isinstance(k, int):
        nm = cname(k); names[v] = nm
        size[v] = avg.get(nm, 16)
    else: names[v] = k
def succ(v):
    e = edges_at[v]
    if e is None: return []
    out = []
    if e[0] == 's': out = e[1]
    elif e[0] == 'a': out = [rid(e[1] + i*I) for i in range(e[2])]
    else:
        q = e[1]
        for ty in layout(kind[v]):
            if ty == 2: out.append(rid(q))
            q += SIZES[ty]
    return [ids[r] for r in out if r in ids]
print('objects', M, file=sys.stderr)
ROOT = M
rootset = sorted(set(ids[r] for r in roots if r in ids))
# iterative DFS for reverse postorder
order = []; visited = bytearray(M + 1); preds = [[] for _ in range(M + 1)]
succs = [None]*(M+1)
stack = [(ROOT, iter(rootset))]; visited[ROOT] = 1
while stack:
    v, it = stack[-1]
    for w in it:
        preds[w].append(v)
        if not visited[w]:
            visited[w] = 1; stack.append((w, iter(succ(w)))); break
    else:
        stack.pop(); order.append(v)
rpo = order[::-1]; num = [-1]*(M+1)
for i, v in enumerate(rpo): num[v] = i
print('reachable', len(rpo), file=sys.stderr)
idom = [-1]*(M+1); idom[ROOT] = ROOT
def intersect(a, b):
    while a != b:
        while num[a] > num[b]: a = idom[a]
        while num[b] > num[a]: b = idom[b]
    return a
changed = True; rounds = 0
while changed:
    changed = False; rounds += 1
    for v in rpo[1:]:
        new = -1
        for u in preds[v]:
            if idom[u] != -1:
                new = u if new == -1 else intersect(u, new)
        if idom[v] != new: idom[v] = new; changed = True
print('rounds', rounds, file=sys.stderr)
size.append(0); names.append('<root>')
ret = list(size)
for v in reversed(rpo[1:]): ret[idom[v]] += ret[v]
count = collections.Counter(names[v] for v in rpo)
perconn = {c for c, n in count.items() if n >= 0.9*N}
# per-connection roots: reachable objects of a per-connection class whose dominator is not of a per-connection class
tops = collections.defaultdict(lambda: [0, 0])
topnodes = collections.defaultdict(list)
for v in rpo[1:]:
    if names[v] in perconn and names[idom[v]] not in perconn:
        t = tops[(names[v], names[idom[v]])]; t[0] += 1; t[1] += ret[v]; topnodes[names[v]].append(v)
total = sum(t[1] for t in tops.values())
print('per-connection roots retain %.0f B per connection (N=%d)' % (total / N, N))
for (c, d), (n, b) in sorted(tops.items(), key=lambda kv: -kv[1][1])[:25]:
    print('%7.0f B/conn %6.2f/conn  %s  (dominated by %s)' % (b/N, n/N, c, d))
children = collections.defaultdict(list)
for v in rpo[1:]: children[idom[v]].append(v)
def tree(nodes, label, depth, indent):
    groups = collections.defaultdict(list)
    for u in nodes:
        for v in children[u]: groups[names[v]].append(v)
    for name, vs in sorted(groups.items(), key=lambda kv: -sum(ret[v] for v in kv[1])):
        b = sum(ret[v] for v in vs)
        if b / N < 40: break
        print('%s%7.0f B/conn %6.2f/conn  %s (shallow %.0f)' % (indent, b/N, len(vs)/N, name, sum(size[v] for v in vs)/N))
        if depth > 0: tree(vs, name, depth - 1, indent + '    ')
for (c, d), _ in sorted(tops.items(), key=lambda kv: -kv[1][1])[:3]:
    print(c); tree(topnodes[c], c, 6, '  ')
chorus = collections.Counter(); chorus_ret = collections.Counter()
for v in rpo[1:]:
    if names[v].startswith('dev.chorus'): chorus[names[v]] += 1; chorus_ret[names[v]] += size[v]
print('dev.chorus objects (shallow):')
for c, n in chorus.most_common(25): print('  %6.2f/conn %6.0f B/conn %s' % (n/N, chorus_ret[c]/N, c))
