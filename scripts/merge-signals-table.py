# The signal table of merge decisions (session 33, branch merge33): over a dump of scripts/merge-signals.ts, every
# family of final templates that differ in exactly one whitespace-split position (words with <*> left out), labelled
# from the truth (one event: every member's majority event is the same), with the features of that position; then the
# rules (conjunctions of up to three features) whose precision holds on the batches they were not fitted on (odd
# batches against even ones and the reverse). A study tool, not the product.
# Usage: python3 scripts/merge-signals-table.py DUMP.json [--show FEATURE,FEATURE]
import json, re, sys, itertools, collections
from statistics import median
W='<*>'
d=json.load(open(sys.argv[1]))
ART={'a','an','the'}
PREP={'to','from','for','on','in','of','by','with','at','into','as','via','about'}
def shape(w):
    if re.search(r'\d',w): return 'digit'
    if re.fullmatch(r'[a-z]+',w): return 'lower'
    if re.fullmatch(r'[A-Z][a-z]+',w): return 'Cap'
    if re.fullmatch(r'[A-Z]+',w): return 'UPPER'
    if re.fullmatch(r'[A-Z][A-Z0-9_]*_[A-Z0-9_]+',w): return 'UP_SNAKE'
    if re.fullmatch(r'[a-z]+[A-Z]\w*|[A-Z][a-z]+[A-Z]\w*',w): return 'camel'
    if re.fullmatch(r'[a-z_]+',w): return 'snake'
    return 'punct'
rows=[]
for s in d:
    ev=s['events']; size=collections.Counter(ev); LINES=s['lines']
    wordsin=[set(re.findall(r'[^\s]+',l)) for l in LINES]
    tcounts=sorted(len(t['lines']) for t in s['templates']); typical=tcounts[len(tcounts)//2]
    T=[]
    for t in s['templates']:
        # The miner's tokens and the text between them when the dump has them, else words split at whitespace.
        toks=t.get('tokens') or t['template'].split(); seps=t.get('seps')
        c=collections.Counter(t['events'])
        maj,n=c.most_common(1)[0] if c else (None,0)
        T.append(dict(id=t['id'],cl=t['cluster'],toks=toks,seps=seps,n=len(t['lines']),ln=t['lines'],ev=t['events'],maj=maj,pure=n==len(t['events'])))
    # token occurrences across templates: word -> set of (template idx, pos)
    occ=collections.defaultdict(set)
    for i,t in enumerate(T):
        for p,w in enumerate(t['toks']): occ[w].add((i,p))
    bylen=collections.defaultdict(list)
    for i,t in enumerate(T): bylen[len(t['toks'])].append(i)
    def correct(members):
        evs=[e for m in members for e in T[m]['ev']]
        if not evs: return 0
        e0=evs[0]
        return len(evs) if all(e==e0 for e in evs) and size[e0]==len(evs) else 0
    for L,idx in bylen.items():
        if len(idx)<2: continue
        for p in range(L):
            fam=collections.defaultdict(list)
            for i in idx:
                w=T[i]['toks'][p]
                if W in w: continue
                fam[tuple(T[i]['toks'][:p]+T[i]['toks'][p+1:])].append(i)
            for key,mem in fam.items():
                if len(mem)<2: continue
                words=[T[m]['toks'][p] for m in mem]
                if len(set(words))<2: continue
                majs=set(T[m]['maj'] for m in mem)
                same = len(majs)==1
                before=sum(correct([m]) for m in mem); after=correct(mem)
                # pairs
                pairs=list(itertools.combinations(mem,2))
                samepairs=sum(1 for a,b in pairs if T[a]['maj']==T[b]['maj'])
                counts=[T[m]['n'] for m in mem]
                SEPS=T[mem[0]]['seps'] is not None
                sb=T[mem[0]]['seps'][p-1] if SEPS and 0<p<=len(T[mem[0]]['seps']) else ''
                sa=T[mem[0]]['seps'][p] if SEPS and p<len(T[mem[0]]['seps']) else ''
                prev=T[mem[0]]['toks'][p-1] if p>0 else ''
                nxt=T[mem[0]]['toks'][p+1] if p+1<L else ''
                memset=set(mem)
                elsewhere=sum(1 for w in words if any(i not in memset for i,q in occ[w]))/len(words)
                shapes=collections.Counter(shape(w) for w in words)
                sh=shapes.most_common(1)[0][0] if len(shapes)==1 else 'mixed'
                pre=len(__import__('os').path.commonprefix(words)); suf=len(__import__('os').path.commonprefix([w[::-1] for w in words]))
                wild=sum(1 for x in key if W in x)
                famlines=set(n for m in mem for n in T[m]['ln'])
                def inother(w):
                    core=w.strip('[](){}<>"\',.;:!?`')
                    return core and any(core in LINES[i] for i in range(len(LINES)) if (i+1) not in famlines)
                inlines=sum(1 for w in words if inother(w))/len(words)
                prose=all(re.fullmatch(r'[a-z]{3,}',w) for w in words)
                stem=pre>=4
                sub=any(a!=b and a in b for a in words for b in words)
                nextlower=bool(re.fullmatch(r'[a-z]+',nxt)); prevlower=bool(re.fullmatch(r'[a-z]+',prev)); prevcap=bool(re.fullmatch(r'[A-Z][a-z]+',prev))
                reltyp=median(counts)/max(1,typical)
                rows.append(dict(system=s['system'],batch=s['batch'],p=p,L=L,
                    pos='first' if p==0 else 'last' if p==L-1 else 'mid', k=len(mem), lines=sum(counts),
                    medlines=median(counts), minlines=min(counts), sh=sh,
                    punct=all(re.search(r'[^\w]',w) for w in words), maxlen=max(len(w) for w in words),
                    prevcolon=bool(re.search(r'[:=]\s+$',sb)) if SEPS else prev.endswith(':') or prev.endswith('='), prevart=prev.lower() in ART, prevprep=prev.lower() in PREP,
                    prevwild=W in prev, nextwild=W in nxt, nextcolon=sa.startswith(':') or sa.startswith('=') if SEPS else nxt.startswith(':') or nxt.startswith('=') or nxt in (':','='),
                    words_end_colon=sa.startswith(':') if SEPS else all(w.endswith(':') for w in words),
                    framed=bool(sb) and sb[-1] in '[("\'{`' if SEPS else all(re.match(r'^[\[("\'<{]',w) for w in words),
                    elsewhere=elsewhere, prefix=pre, suffix=suf, wild=wild, const=L-1-wild,
                    inlines=inlines,prose=prose,stem=stem,sub=sub,nextlower=nextlower,prevlower=prevlower,prevcap=prevcap,reltyp=reltyp,typical=typical,ntempl=len(T),nlines=len(LINES),
                    samecluster=len(set(T[m]['cl'] for m in mem))==1,
                    same=same, pairs=len(pairs), samepairs=samepairs, gain=after-before, before=before, after=after,
                    words=words[:6], prev=prev, nxt=nxt, tmpl=' '.join(T[mem[0]]['toks'])[:140]))

print(len(rows),'families;', sum(r['same'] for r in rows),'same;', sum(r['pairs'] for r in rows),'pairs', sum(r['samepairs'] for r in rows),'same pairs')
import itertools
R=rows
def feats(r):
    f={}
    f['pos='+r['pos']]=1; f['sh='+r['sh']]=1
    f['k=2']=r['k']==2; f['k>=3']=r['k']>=3
    f['med<=1']=r['medlines']<=1; f['med<=2']=r['medlines']<=2; f['med>=3']=r['medlines']>=3
    f['min==1']=r['minlines']==1
    for b in ('punct','prevcolon','prevart','prevprep','prevwild','nextwild','nextcolon','framed','words_end_colon','samecluster','prose','stem','sub','nextlower','prevlower','prevcap'):
        f[b]=r[b]; f['!'+b]=not r[b]
    f['elsew=0']=r['elsewhere']==0; f['elsew>0']=r['elsewhere']>0; f['elsew=1']=r['elsewhere']==1
    f['inl=0']=r['inlines']==0; f['inl>0']=r['inlines']>0; f['inl=1']=r['inlines']==1
    f['pre>=3']=r['prefix']>=3; f['suf>=3']=r['suffix']>=3; f['nopresuf']=r['prefix']==0 and r['suffix']==0
    f['wild=0']=r['wild']==0; f['wild>=1']=r['wild']>=1; f['wild>=2']=r['wild']>=2
    f['const<=2']=r['const']<=2; f['const>=3']=r['const']>=3; f['const>=5']=r['const']>=5
    f['maxlen<=4']=r['maxlen']<=4; f['maxlen>=8']=r['maxlen']>=8; f['maxlen>=12']=r['maxlen']>=12
    f['reltyp<=0.5']=r['reltyp']<=0.5; f['reltyp<1']=r['reltyp']<1; f['reltyp>=1']=r['reltyp']>=1; f['reltyp>=2']=r['reltyp']>=2
    f['ntempl>=30']=r['ntempl']>=30; f['ntempl<15']=r['ntempl']<15
    return [k for k,v in f.items() if v]
for r in R: r['F']=feats(r)
feats_all=sorted(set(f for r in R for f in r['F']))
sets={f:frozenset(i for i,r in enumerate(R) if f in r['F']) for f in feats_all}
H={h:frozenset(i for i,r in enumerate(R) if r['batch']%2==h) for h in (0,1)}
def ev(S,h):
    S=S&H[h]; n=len(S); s=sum(R[i]['same'] for i in S); g=sum(R[i]['gain'] for i in S)
    return n,s,g,len(set(R[i]['system'] for i in S))
res=[]
for k in (1,2,3):
    for combo in itertools.combinations(feats_all,k):
        S=frozenset.intersection(*(sets[f] for f in combo))
        if len(S)<6: continue
        res.append((combo,ev(S,1),ev(S,0),S))
print(f"{'feature':16} {'odd':>9} {'even':>9}  (families one event / families)")
for f in feats_all:
    a=ev(sets[f],1); b=ev(sets[f],0)
    print(f"  {f:14} {a[1]:4}/{a[0]:<4} {b[1]:4}/{b[0]:<4}  {a[1]/max(1,a[0]):.2f} {b[1]/max(1,b[0]):.2f}")
# fit on one half, measure on the other
for fit in (1,0):
    name='odd' if fit else 'even'
    sel=[x for x in res if (x[1] if fit else x[2])[0]>=6 and (x[1] if fit else x[2])[1]/(x[1] if fit else x[2])[0]>=0.9 and (x[1] if fit else x[2])[3]>=4]
    o=[(x[2] if fit else x[1]) for x in sel]
    tot_n=sum(a[0] for a in o); tot_s=sum(a[1] for a in o)
    print(f'fit on {name}: {len(sel)} rules with prec>=0.9 (>=6 families, >=4 systems); their precision on the other half:')
    prec=sorted(a[1]/a[0] for a in o if a[0]>0)
    if prec: print('   median',prec[len(prec)//2],'share >=0.9:',sum(p>=0.9 for p in prec)/len(prec), 'n rules measured',len(prec))
print('BOTH halves >=0.9, >=3 each, >=5 systems:')
for c,a,b,S in sorted(res,key=lambda x:-(x[1][0]+x[2][0])):
    if a[0]>=3 and b[0]>=3 and a[1]/a[0]>=0.9 and b[1]/b[0]>=0.9 and a[3]+b[3]>=5:
        print(f"  {' & '.join(c):60} odd {a[1]}/{a[0]} g{a[2]} even {b[1]}/{b[0]} g{b[2]}")
print('KEEP-APART rules: BOTH halves <=0.05 same, >=20 each')
for c,a,b,S in sorted(res,key=lambda x:-(x[1][0]+x[2][0]))[:100000]:
    if len(c)<=2 and a[0]>=20 and b[0]>=20 and a[1]/a[0]<=0.05 and b[1]/b[0]<=0.05:
        print(f"  {' & '.join(c):60} odd {a[1]}/{a[0]} even {b[1]}/{b[0]}")
