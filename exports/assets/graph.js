/* claimgraph page: stories and their claims drawn, lists to sort and filter, details.
 *
 * Every string in the data is untrusted article text. It reaches the DOM only through
 * textContent, attribute values set with setAttribute (titles) and the vis canvas (labels);
 * it is never parsed as HTML. An article URL becomes a link only when it is http: or https:.
 *
 * Layout is computed here, not simulated: each view is a set of cells (a story, or one focused
 * node) with speakers in a column on the left, claims in a column on the right and, when shown,
 * articles or topics further right. Label widths are measured with the font vis draws with, so
 * no two labels overlap at any zoom. When the first view is drawn and the lists are filled,
 * window.claimgraph.ready is set, with the time in ms since navigation in .settledMs.
 */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("claimgraph-data").textContent);
  var state = { ready: false, settledMs: null, data: D, view: null, selected: null };
  window.claimgraph = state;

  var FONT = "Arial, Helvetica, sans-serif";
  var COLOR = D.kinds;
  var ROW = 34; // vertical distance between two nodes of a column
  var GAP = 70; // horizontal distance between two columns
  var CELL_GAP = 60; // distance between two cells
  var PAGE = 200; // rows added to a list at a time
  var KIND_NAMES = {
    direct: "direct quote", mixed: "partial quote", indirect: "reported speech",
    according_to: "according to", assertion: "outlet's own claim"
  };
  var REL_NAMES = {
    contradicts: "contradicts", conflicting_quantity: "conflicting numbers",
    corroborates: "corroborates"
  };

  // -- small DOM helpers (text only) ----------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function $(id) { return document.getElementById(id); }
  function webLink(url) {
    if (!url) return null;
    try {
      var u = new URL(String(url));
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }
  function day(d) { return d ? String(d).slice(0, 10) : ""; }
  function plural(n, w) { return n + " " + w + (n === 1 ? "" : "s"); }
  function clip(s, n) { s = String(s || ""); return s.length <= n ? s : s.slice(0, n - 1) + "\u2026"; }

  // -- indexes --------------------------------------------------------------------------
  var claims = D.claims, speakers = D.speakers, sources = D.sources, outlets = D.outlets;
  var stories = D.stories, evidence = D.evidence, topics = D.topics;
  var relOf = claims.map(function () { return []; });
  D.relations.forEach(function (r, k) { relOf[r[0]].push(k); relOf[r[1]].push(k); });
  var linksOf = speakers.map(function () { return []; });
  D.links.forEach(function (l, k) { linksOf[l[0]].push(k); linksOf[l[1]].push(k); });
  var claimsOfSource = sources.map(function () { return []; });
  evidence.forEach(function (e) {
    var list = claimsOfSource[e[1]];
    if (e[1] >= 0 && list[list.length - 1] !== e[0]) list.push(e[0]);
  });
  function claimSources(c) {
    var seen = {}, out = [];
    claims[c].ev.forEach(function (k) {
      var s = evidence[k][1];
      if (s >= 0 && !seen[s]) { seen[s] = 1; out.push(s); }
    });
    return out;
  }
  var searchText = null; // built on first use
  function claimSearch(c) {
    if (!searchText) {
      searchText = claims.map(function (row) {
        var names = row.sp.map(function (s) { return speakers[s].n + " " + speakers[s].a.join(" "); });
        return (row.l + " " + row.t + " " + names.join(" ")).toLowerCase();
      });
    }
    return searchText[c];
  }

  // -- filters --------------------------------------------------------------------------
  var filter = { text: "", outlet: -1, kind: "", speaker: "", from: "", to: "", min: 1 };
  var match = new Uint8Array(claims.length).fill(1);
  var matchNoDate = new Uint8Array(claims.length).fill(1);
  function speakerMatches(c, q) {
    return claims[c].sp.some(function (s) {
      var sp = speakers[s];
      if (sp.n.toLowerCase().indexOf(q) >= 0) return true;
      return sp.a.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    });
  }
  function computeMatch() {
    var words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
    var sq = filter.speaker.trim().toLowerCase();
    for (var c = 0; c < claims.length; c++) {
      var row = claims[c], ok = row.i >= filter.min;
      if (ok && filter.kind) ok = row.k === filter.kind;
      if (ok && filter.outlet >= 0) {
        ok = row.ev.some(function (k) {
          var s = evidence[k][1];
          return s >= 0 && sources[s].o === filter.outlet;
        });
      }
      if (ok && sq) ok = speakerMatches(c, sq);
      if (ok && words.length) {
        var t = claimSearch(c);
        for (var w = 0; w < words.length && ok; w++) ok = t.indexOf(words[w]) >= 0;
      }
      matchNoDate[c] = ok ? 1 : 0;
      var d = day(row.d);
      if (ok && filter.from) ok = d !== "" && d >= filter.from;
      if (ok && filter.to) ok = d !== "" && d <= filter.to;
      match[c] = ok ? 1 : 0;
    }
  }
  function filtered() {
    return filter.text || filter.outlet >= 0 || filter.kind || filter.speaker ||
      filter.from || filter.to || filter.min > 1;
  }

  // -- measuring and node styles ----------------------------------------------------------
  var ctx = document.createElement("canvas").getContext("2d");
  function textWidth(text, size, bold) {
    ctx.font = (bold ? "bold " : "") + size + "px " + FONT;
    return ctx.measureText(text).width;
  }
  var STYLE = {
    story: { size: 18, shape: "text", color: { background: "rgba(0,0,0,0)", border: "rgba(0,0,0,0)" }, fontColor: "#222" },
    claim: { size: 13, shape: "box", color: { background: "#fff4ef", border: COLOR.claim, highlight: { background: "#ffd9c9", border: "#b23a12" } }, fontColor: "#222" },
    claim2: { size: 13, shape: "box", color: { background: "#fbd2c2", border: COLOR.claim, highlight: { background: "#ffb899", border: "#b23a12" } }, fontColor: "#222" },
    claim4: { size: 13, shape: "box", color: { background: COLOR.claim, border: "#b23a12", highlight: { background: "#c4421d", border: "#7a2309" } }, fontColor: "#fff" },
    speaker: { size: 13, shape: "box", color: { background: COLOR.speaker, border: "#1f5f7a", highlight: { background: "#1f5f7a", border: "#103a4b" } }, fontColor: "#fff" },
    source: { size: 12, shape: "box", color: { background: "#eef6ea", border: COLOR.source, highlight: { background: "#d3ebc9", border: "#2f6a17" } }, fontColor: "#222" },
    topic: { size: 12, shape: "box", color: { background: "#fff8dc", border: COLOR.topic, highlight: { background: "#ffeaa0", border: "#7a5f00" } }, fontColor: "#5a4600" }
  };
  var MARGIN = 6;
  function spec(id, kind, label, tip) {
    var st = STYLE[kind];
    var w = textWidth(label, st.size, st.bold) + 2 * MARGIN + 2;
    return { id: id, kind: kind, label: label, tip: tip, w: w, h: st.size + 2 * MARGIN + 2 };
  }
  function claimStyle(c) { var n = claims[c].i; return n >= 4 ? "claim4" : n >= 2 ? "claim2" : "claim"; }
  function claimSpec(c) {
    var row = claims[c];
    var label = (row.i >= 2 ? row.i + "\u00d7 " : "") + clip(row.l, 64);
    var s = spec("c" + c, claimStyle(c), label, row.t);
    s.ref = { kind: "claim", i: c };
    return s;
  }
  function speakerSpec(s, cellKey) {
    var sp = speakers[s];
    var r = spec("p" + s + (cellKey ? "@" + cellKey : ""), "speaker", clip(sp.n, 32),
      sp.n + (sp.ro.length ? " \u2014 " + sp.ro.join(", ") : ""));
    r.ref = { kind: "speaker", i: s };
    return r;
  }
  function sourceSpec(s) {
    var src = sources[s];
    var outlet = src.o >= 0 ? outlets[src.o].n : "";
    var label = clip([outlet, day(src.d), src.t].filter(Boolean).join(" \u00b7 "), 60);
    var r = spec("a" + s, "source", label, src.t);
    r.ref = { kind: "source", i: s };
    return r;
  }
  function topicSpec(t, cellKey) {
    var r = spec("k" + t + (cellKey ? "@" + cellKey : ""), "topic", clip(topics[t].l, 40), topics[t].l);
    r.ref = { kind: "topic", i: t };
    return r;
  }

  // -- layout -----------------------------------------------------------------------------
  // A cell: an optional title, then columns. The middle column (claims) keeps its order;
  // the columns beside it are ordered by the mean row of the claims they link to, and
  // spread so that no two boxes are closer than ROW.
  function stack(items, anchorsOf, mid) {
    var want = items.map(function (it, k) {
      var ys = anchorsOf(it).map(function (m) { return mid[m]; }).filter(function (y) { return y !== undefined; });
      var y = ys.length ? ys.reduce(function (a, b) { return a + b; }, 0) / ys.length : k * ROW;
      return { it: it, y: y, k: k };
    });
    want.sort(function (a, b) { return a.y - b.y || a.k - b.k; });
    var last = -Infinity;
    want.forEach(function (w) { w.y = Math.max(w.y, last + ROW); last = w.y; });
    return want;
  }
  function layoutCell(cell) {
    // cell: {title, titleRef, left:[spec], mid:[spec], right:[spec], edges:[{from,to,kind}]}
    var nodes = [], top = 0;
    if (cell.title) {
      var t = spec(cell.titleId, "story", clip(cell.title, 70), cell.title);
      t.ref = cell.titleRef;
      t.x = t.w / 2; t.y = 0;
      nodes.push(t);
      top = ROW + 6;
    }
    var midY = {};
    cell.mid.forEach(function (s, k) { midY[s.id] = top + k * ROW; });
    var linked = {};
    cell.edges.forEach(function (e) {
      (linked[e.from] = linked[e.from] || []).push(e.to);
      (linked[e.to] = linked[e.to] || []).push(e.from);
    });
    function anchors(s) { return linked[s.id] || []; }
    var left = stack(cell.left, anchors, midY);
    var right = stack(cell.right, anchors, midY);
    var leftW = cell.left.reduce(function (m, s) { return Math.max(m, s.w); }, 0);
    var midW = cell.mid.reduce(function (m, s) { return Math.max(m, s.w); }, 0);
    var xMid = leftW ? leftW + GAP : 0;
    left.forEach(function (w) { w.it.x = leftW - w.it.w / 2; w.it.y = w.y; nodes.push(w.it); });
    cell.mid.forEach(function (s) { s.x = xMid + s.w / 2; s.y = midY[s.id]; nodes.push(s); });
    var xRight = xMid + midW + GAP;
    var rightW = 0;
    right.forEach(function (w) { w.it.x = xRight + w.it.w / 2; w.it.y = w.y; rightW = Math.max(rightW, w.it.w); nodes.push(w.it); });
    var width = Math.max(cell.right.length ? xRight + rightW : xMid + midW, nodes.length && nodes[0].kind === "story" ? nodes[0].w : 0);
    var bottom = nodes.reduce(function (m, n) { return Math.max(m, n.y + n.h / 2); }, 0);
    var minY = nodes.reduce(function (m, n) { return Math.min(m, n.y - n.h / 2); }, 0);
    return { nodes: nodes, edges: cell.edges, w: width, h: bottom - minY, minY: minY };
  }
  function pack(cells, aspect) {
    // masonry: each cell goes to the shortest of n columns; n is chosen so that the whole
    // fits the view at the largest scale (labels as big as the screen allows)
    var best = null;
    for (var n = 1; n <= Math.max(1, cells.length); n++) {
      var colW = [], colH = [], place = [];
      for (var k = 0; k < n; k++) { colW.push(0); colH.push(0); }
      cells.forEach(function (c) {
        var j = colH.indexOf(Math.min.apply(null, colH));
        place.push([j, colH[j]]);
        colH[j] += c.h + CELL_GAP;
        colW[j] = Math.max(colW[j], c.w);
      });
      var width = colW.reduce(function (a, b) { return a + b + CELL_GAP; }, -CELL_GAP);
      var height = Math.max.apply(null, colH) - CELL_GAP;
      var scale = Math.min(aspect / Math.max(1, width), 1 / Math.max(1, height));
      if (!best || scale > best.scale) best = { scale: scale, place: place, colW: colW };
    }
    var out = { nodes: [], edges: [] };
    if (!best) return out;
    var colX = [0];
    best.colW.forEach(function (w, k) { colX.push(colX[k] + w + CELL_GAP); });
    cells.forEach(function (c, k) {
      var x = colX[best.place[k][0]], y = best.place[k][1];
      c.nodes.forEach(function (nd) { nd.x += x; nd.y += y - c.minY; out.nodes.push(nd); });
      c.edges.forEach(function (e) { out.edges.push(e); });
    });
    return out;
  }

  // -- views --------------------------------------------------------------------------------
  var showTopics = false;
  function relationEdges(drawn) {
    var out = [];
    D.relations.forEach(function (r) {
      if (r[2] === "corroborates") return;
      if (drawn["c" + r[0]] && drawn["c" + r[1]]) out.push({ from: "c" + r[0], to: "c" + r[1], kind: r[2] });
    });
    return out;
  }
  function storyCell(k, list, key) {
    var mid = list.map(claimSpec);
    var seen = {}, left = [], edges = [], right = [], tseen = {};
    list.forEach(function (c) {
      claims[c].sp.forEach(function (s) {
        if (!seen[s]) { seen[s] = speakerSpec(s, key); left.push(seen[s]); }
        edges.push({ from: seen[s].id, to: "c" + c, kind: "said" });
      });
      if (showTopics) {
        claims[c].tp.forEach(function (t) {
          if (!tseen[t]) { tseen[t] = topicSpec(t, key); right.push(tseen[t]); }
          edges.push({ from: "c" + c, to: tseen[t].id, kind: "about" });
        });
      }
    });
    var st = k >= 0 ? stories[k] : null;
    var title = st ? st.l + "  \u00b7  " + plural(st.ns, "article") + (st.f ? "  \u00b7  " + day(st.f) + (st.la && day(st.la) !== day(st.f) ? " \u2013 " + day(st.la) : "") : "") : null;
    return layoutCell({
      title: title, titleId: "t" + k, titleRef: { kind: "story", i: k },
      left: left, mid: mid, right: right, edges: edges
    });
  }
  function topClaims(list, n) {
    var out = [];
    for (var k = 0; k < list.length && out.length < n; k++) if (match[list[k]]) out.push(list[k]);
    return out;
  }
  function buildView(view) {
    var aspect = Math.max(0.6, container.clientWidth / Math.max(1, container.clientHeight));
    var cells = [];
    var N = D.settings.focus_claims;
    if (view.kind === "overview") {
      D.overview.forEach(function (entry) {
        var list = filtered() ? topClaims(stories[entry[0]].c, entry[1].length || 5) : entry[1];
        if (list.length) cells.push(storyCell(entry[0], list, "t" + entry[0]));
      });
    } else if (view.kind === "story") {
      cells.push(storyCell(view.i, topClaims(stories[view.i].c, N), "t" + view.i));
    } else if (view.kind === "speaker") {
      var sp = speakers[view.i];
      var me = speakerSpec(view.i);
      var left = [me], edges = [];
      linksOf[view.i].forEach(function (k) {
        var l = D.links[k], other = l[0] === view.i ? l[1] : l[0];
        var o = speakerSpec(other);
        left.push(o);
        edges.push({ from: "p" + l[0], to: "p" + l[1], kind: l[2] });
      });
      var mine = topClaims(sp.c, N);
      mine.forEach(function (c) { edges.push({ from: me.id, to: "c" + c, kind: "said" }); });
      cells.push(layoutCell({ title: sp.n, titleId: "h", titleRef: { kind: "speaker", i: view.i }, left: left, mid: mine.map(claimSpec), right: [], edges: edges }));
    } else if (view.kind === "topic") {
      var tc = topClaims(topics[view.i].c, N);
      var c0 = storyCell(-1, tc, "k" + view.i);
      cells.push(c0);
    } else if (view.kind === "claim") {
      var c = view.i, mid = [claimSpec(c)], left = [], right = [], e2 = [], seen = {};
      relOf[c].forEach(function (k) {
        var r = D.relations[k], other = r[0] === c ? r[1] : r[0];
        mid.push(claimSpec(other));
        e2.push({ from: "c" + c, to: "c" + other, kind: r[2] });
      });
      mid.forEach(function (m) {
        claims[m.ref.i].sp.forEach(function (s) {
          if (!seen[s]) { seen[s] = speakerSpec(s); left.push(seen[s]); }
          e2.push({ from: seen[s].id, to: m.id, kind: "said" });
        });
      });
      claimSources(c).slice(0, N).forEach(function (s) {
        right.push(sourceSpec(s));
        e2.push({ from: "c" + c, to: "a" + s, kind: "reported_in" });
      });
      if (showTopics) {
        claims[c].tp.forEach(function (t) { right.push(topicSpec(t)); e2.push({ from: "c" + c, to: "k" + t, kind: "about" }); });
      }
      cells.push(layoutCell({ title: null, left: left, mid: mid, right: right, edges: e2 }));
    } else if (view.kind === "source") {
      var list = claimsOfSource[view.i].slice().sort(function (a, b) { return a - b; }).slice(0, N);
      var cs = storyCell(-1, list, "a" + view.i);
      var art = sourceSpec(view.i);
      var maxX = cs.nodes.reduce(function (m, n) { return Math.max(m, n.x + n.w / 2); }, 0);
      art.x = maxX + GAP + art.w / 2; art.y = ((list.length - 1) * ROW) / 2;
      cs.nodes.push(art);
      list.forEach(function (c2) { cs.edges.push({ from: "c" + c2, to: art.id, kind: "reported_in" }); });
      cs.w = maxX + GAP + art.w;
      cells.push(cs);
    }
    var laid = pack(cells, aspect);
    var drawn = {};
    laid.nodes.forEach(function (n) { drawn[n.id] = true; });
    relationEdges(drawn).forEach(function (e) {
      if (!laid.edges.some(function (x) { return x.from === e.from && x.to === e.to; })) laid.edges.push(e);
    });
    return laid;
  }
  var EDGE = {
    said: { color: { color: "#8fb8cf", highlight: "#1f5f7a" }, width: 1 },
    reported_in: { color: { color: "#a9cf95", highlight: "#2f6a17" }, width: 1 },
    about: { color: { color: "#e3cf7a", highlight: "#7a5f00" }, width: 1 },
    relays: { color: { color: "#2e86ab" }, width: 1, dashes: [2, 4] },
    member_of: { color: { color: "#2e86ab" }, width: 1, dashes: [6, 3] },
    contradicts: { color: { color: COLOR.contradicts, highlight: COLOR.contradicts }, width: 2.5, dashes: [8, 5], smooth: { enabled: true, type: "curvedCW", roundness: 0.35 } },
    conflicting_quantity: { color: { color: COLOR.conflicting, highlight: COLOR.conflicting }, width: 2.5, dashes: [8, 5], smooth: { enabled: true, type: "curvedCW", roundness: 0.35 } },
    corroborates: { color: { color: "#52b788" }, width: 1.5, smooth: { enabled: true, type: "curvedCW", roundness: 0.3 } }
  };
  function tipOf(text) { return text ? el("div", "tip", clip(text, 600)) : undefined; }
  function toVis(laid) {
    var nodes = laid.nodes.map(function (n) {
      var st = STYLE[n.kind];
      return {
        id: n.id, label: n.label, x: n.x, y: n.y, shape: st.shape, color: st.color,
        font: { size: st.size, face: FONT, color: st.fontColor, multi: false },
        margin: MARGIN, borderWidth: 1, title: tipOf(n.tip), ref: n.ref, group: n.kind
      };
    });
    var seen = {};
    var edges = [];
    laid.edges.forEach(function (e) {
      var key = e.from + ">" + e.to + ">" + e.kind;
      if (seen[key]) return;
      seen[key] = 1;
      var st = EDGE[e.kind] || EDGE.said;
      var out = { id: key, from: e.from, to: e.to, kind: e.kind, color: st.color, width: st.width };
      if (st.dashes) out.dashes = st.dashes;
      if (st.smooth) out.smooth = st.smooth;
      out.title = REL_NAMES[e.kind];
      edges.push(out);
    });
    return { nodes: nodes, edges: edges };
  }

  var container = $("graph");
  var nodesDS = new vis.DataSet([]);
  var edgesDS = new vis.DataSet([]);
  var network = new vis.Network(container, { nodes: nodesDS, edges: edgesDS }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 7 },
    edges: { smooth: false, arrows: { to: { enabled: false } }, selectionWidth: 1.5 },
    nodes: { shapeProperties: { borderRadius: 3 } },
    interaction: { hover: true, tooltipDelay: 200, multiselect: false, dragNodes: true, hideEdgesOnDrag: false }
  });
  state.network = network;
  state.nodes = nodesDS;
  state.edges = edgesDS;

  function viewTitle(view) {
    if (view.kind === "overview") {
      var n = D.overview.length;
      if (!n) return "No claims in this graph";
      return (n === stories.length ? "All " : "The " + n + " biggest of ") + stories.length +
        (stories.length === 1 ? " story" : " stories") + ", with their most corroborated claims and who made them";
    }
    if (view.kind === "story") return "Story: " + stories[view.i].l;
    if (view.kind === "speaker") return "Speaker: " + speakers[view.i].n;
    if (view.kind === "topic") return "Topic: " + topics[view.i].l;
    if (view.kind === "claim") return "Claim: " + claims[view.i].l;
    if (view.kind === "source") return "Article: " + sources[view.i].t;
    return "";
  }
  function show(view) {
    state.view = view;
    var vis_ = toVis(buildView(view));
    nodesDS.clear(); edgesDS.clear();
    nodesDS.add(vis_.nodes); edgesDS.add(vis_.edges);
    network.fit({ animation: false });
    $("view-title").textContent = viewTitle(view);
    $("back").hidden = view.kind === "overview";
    if (state.selected) markSelected();
  }
  state.show = show;
  state.overview = function () { show({ kind: "overview" }); };
  function nodeIdOf(ref) {
    var prefix = { claim: "c", speaker: "p", source: "a", topic: "k", story: "t" }[ref.kind];
    var hits = nodesDS.getIds().filter(function (id) { return id === prefix + ref.i || id.indexOf(prefix + ref.i + "@") === 0; });
    return hits;
  }
  function markSelected() {
    var ids = state.selected ? nodeIdOf(state.selected) : [];
    network.selectNodes(ids);
    return ids;
  }

  // -- selection: a row or a node ------------------------------------------------------------
  function select(ref, opts) {
    opts = opts || {};
    state.selected = ref;
    var ids = nodeIdOf(ref);
    if (!ids.length && opts.focus !== false) {
      show({ kind: ref.kind, i: ref.i });
      ids = nodeIdOf(ref);
    }
    markSelected();
    if (ids.length && opts.zoom !== false) {
      network.focus(ids[0], { scale: Math.max(network.getScale(), 1), animation: false });
    }
    details(ref);
    highlightRow();
  }
  state.select = function (kind, i) { select({ kind: kind, i: i }); return nodeIdOf({ kind: kind, i: i }); };
  state.focus = function (kind, i) { show({ kind: kind, i: i }); select({ kind: kind, i: i }, { zoom: false }); };

  network.on("click", function (p) {
    if (!p.nodes.length) return;
    var n = nodesDS.get(p.nodes[0]);
    if (n && n.ref) select(n.ref, { focus: false, zoom: false });
  });
  network.on("doubleClick", function (p) {
    if (!p.nodes.length) return;
    var n = nodesDS.get(p.nodes[0]);
    if (n && n.ref && n.ref.i >= 0) state.focus(n.ref.kind, n.ref.i);
  });
  $("back").addEventListener("click", function () { show({ kind: "overview" }); });
  $("show-topics").addEventListener("change", function (ev) {
    showTopics = ev.target.checked;
    show(state.view);
  });

  // -- details ------------------------------------------------------------------------------
  var box = $("details");
  function chip(text, ref, parent) {
    var c = el("span", "chip", text);
    c.setAttribute("role", "button");
    c.tabIndex = 0;
    c.addEventListener("click", function () { select(ref); });
    parent.appendChild(c);
    return c;
  }
  function actions(ref) {
    var a = el("div", "actions");
    var b = el("button", null, "Focus the graph here");
    b.type = "button";
    b.addEventListener("click", function () { state.focus(ref.kind, ref.i); });
    a.appendChild(b);
    var o = el("button", null, "All stories");
    o.type = "button";
    o.addEventListener("click", function () { show({ kind: "overview" }); });
    a.appendChild(o);
    return a;
  }
  function link(url, parent) {
    if (!url) return;
    var href = webLink(url);
    if (href) {
      var a = el("a", null, url);
      a.setAttribute("href", href);
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener noreferrer nofollow");
      parent.appendChild(a);
    } else {
      parent.appendChild(el("span", "refused", "Not a web link, not opened: " + url));
    }
  }
  function sourceBlock(e, parent) {
    var s = e[1], src = s >= 0 ? sources[s] : null;
    var div = el("div", "src");
    var who = [];
    if (src) {
      if (src.o >= 0) who.push(outlets[src.o].n);
      who.push(day(src.d) || "no date");
    }
    if (e[2] >= 0) who.push(speakers[e[2]].n);
    if (e[6]) who.push("\u201c" + e[6] + "\u201d");
    if (src && src.cp >= 0) who.push("copy of " + clip(sources[src.cp].t, 50));
    div.appendChild(el("div", "who", who.join(" \u00b7 ")));
    if (src) div.appendChild(el("div", "title", src.t));
    var q = el("div", "quote");
    q.appendChild(el("span", "ctx", e[3]));
    q.appendChild(el("mark", null, e[4]));
    q.appendChild(el("span", "ctx", e[5]));
    div.appendChild(q);
    if (src) {
      var l = el("div", "url");
      link(src.u, l);
      if (l.firstChild) div.appendChild(l);
    }
    parent.appendChild(div);
  }
  function details(ref) {
    clear(box);
    var k = ref.kind, i = ref.i;
    if (k === "claim") {
      var c = claims[i];
      box.appendChild(el("h2", null, c.l));
      box.appendChild(el("p", "full", c.t));
      box.appendChild(el("p", "meta", [KIND_NAMES[c.k] || c.k, "first seen " + (day(c.d) || "unknown"),
        plural(c.i, "independent source") + " (" + plural(c.n, "article") + ")"].join(" \u00b7 ")));
      var who = el("p", "meta", c.sp.length ? "Said by: " : "No named speaker");
      c.sp.forEach(function (s) { chip(speakers[s].n, { kind: "speaker", i: s }, who); });
      box.appendChild(who);
      if (c.st >= 0) { var sp = el("p", "meta", "Story: "); chip(stories[c.st].l, { kind: "story", i: c.st }, sp); box.appendChild(sp); }
      if (c.q.length) box.appendChild(el("p", "meta", "Numbers: " + c.q.join("; ")));
      if (c.tp.length) { var tp = el("p", "meta", "Topics: "); c.tp.forEach(function (t) { chip(topics[t].l, { kind: "topic", i: t }, tp); }); box.appendChild(tp); }
      relOf[i].forEach(function (r) {
        var rel = D.relations[r], other = rel[0] === i ? rel[1] : rel[0];
        var p = el("p", "meta rel-" + rel[2], (REL_NAMES[rel[2]] || rel[2]) + ": ");
        chip(claims[other].l, { kind: "claim", i: other }, p);
        if (rel[3]) p.appendChild(el("span", "why", " (" + rel[3] + ")"));
        box.appendChild(p);
      });
      box.appendChild(actions(ref));
      box.appendChild(el("h3", null, "Sources (" + c.ev.length + ")"));
      var list = el("div", "sources");
      c.ev.slice(0, 60).forEach(function (k2) { sourceBlock(evidence[k2], list); });
      if (c.ev.length > 60) list.appendChild(el("p", "meta", "\u2026 and " + (c.ev.length - 60) + " more"));
      box.appendChild(list);
    } else if (k === "speaker") {
      var s = speakers[i];
      box.appendChild(el("h2", null, s.n));
      box.appendChild(el("p", "meta", [s.ty || "unknown type", plural(s.c.length, "claim")].join(" \u00b7 ")));
      if (s.a.length) box.appendChild(el("p", "meta", "Also named: " + s.a.join(", ")));
      if (s.ro.length) box.appendChild(el("p", "meta", "Roles: " + s.ro.join(", ")));
      if (s.af) box.appendChild(el("p", "meta", "Affiliation: " + s.af));
      linksOf[i].forEach(function (lk) {
        var l = D.links[lk], other = l[0] === i ? l[1] : l[0];
        var p = el("p", "meta", (l[0] === i ? (l[2] === "relays" ? "Relays " : "Member of ") : (l[2] === "relays" ? "Relayed by " : "Has member ")));
        chip(speakers[other].n, { kind: "speaker", i: other }, p);
        box.appendChild(p);
      });
      box.appendChild(actions(ref));
      box.appendChild(el("h3", null, "Claims"));
      var ul = el("div");
      s.c.slice(0, 40).forEach(function (c2) { chip(claims[c2].l, { kind: "claim", i: c2 }, ul); });
      box.appendChild(ul);
    } else if (k === "story") {
      var st = stories[i];
      box.appendChild(el("h2", null, st.l));
      box.appendChild(el("p", "meta", [plural(st.ns, "article"), plural(st.c.length, "claim"),
        day(st.f) + (st.la && day(st.la) !== day(st.f) ? " \u2013 " + day(st.la) : "")].filter(Boolean).join(" \u00b7 ")));
      if (st.x) box.appendChild(el("p", "meta", "Grouped on this page: articles that report a common claim."));
      box.appendChild(actions(ref));
      box.appendChild(el("h3", null, "Most corroborated claims"));
      var cl = el("div");
      st.c.slice(0, 30).forEach(function (c3) { chip(claims[c3].l, { kind: "claim", i: c3 }, cl); });
      box.appendChild(cl);
    } else if (k === "topic") {
      box.appendChild(el("h2", null, topics[i].l));
      box.appendChild(el("p", "meta", plural(topics[i].c.length, "claim")));
      box.appendChild(actions(ref));
      var tl = el("div");
      topics[i].c.slice(0, 40).forEach(function (c4) { chip(claims[c4].l, { kind: "claim", i: c4 }, tl); });
      box.appendChild(tl);
    } else if (k === "source") {
      var src = sources[i];
      box.appendChild(el("h2", null, src.t));
      box.appendChild(el("p", "meta", [src.o >= 0 ? outlets[src.o].n : "unknown outlet", day(src.d) || "no date", plural(claimsOfSource[i].length, "claim")].join(" \u00b7 ")));
      if (src.cp >= 0) { var cp = el("p", "meta", "Copy of: "); chip(sources[src.cp].t, { kind: "source", i: src.cp }, cp); box.appendChild(cp); }
      var u = el("p", "meta"); link(src.u, u); if (u.firstChild) box.appendChild(u);
      box.appendChild(actions(ref));
    }
  }

  // -- lists ---------------------------------------------------------------------------------
  function claimSpeakers(c) { return claims[c].sp.map(function (s) { return speakers[s].n; }).join(", "); }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  var TABS = {
    stories: {
      cols: [
        { name: "Story", key: function (k) { return stories[k].l.toLowerCase(); }, text: function (k) { return stories[k].l; }, wrap: true, width: "52%" },
        { name: "Articles", key: function (k) { return stories[k].ns; }, text: function (k) { return stories[k].ns; }, num: true, width: "15%" },
        { name: "Claims", key: function (k) { return countIn(stories[k].c); }, text: function (k) { return countIn(stories[k].c); }, num: true, width: "13%" },
        { name: "First", key: function (k) { return stories[k].f; }, text: function (k) { return day(stories[k].f); }, width: "20%" }
      ],
      sort: [1, -1],
      rows: function () { return stories.map(function (_, k) { return k; }).filter(function (k) { return !filtered() || countIn(stories[k].c) > 0; }); },
      ref: function (k) { return { kind: "story", i: k }; }
    },
    claims: {
      cols: [
        { name: "Claim", key: function (c) { return claims[c].l.toLowerCase(); }, text: function (c) { return claims[c].l; }, title: function (c) { return claims[c].t; }, width: "38%" },
        { name: "Indep.", key: function (c) { return claims[c].i * 100000 + claims[c].n; }, text: function (c) { return claims[c].i; }, num: true, width: "9%", title: function (c) { return claims[c].i + " independent of " + claims[c].n + " sources"; } },
        { name: "First seen", key: function (c) { return claims[c].d || "~"; }, text: function (c) { return day(claims[c].d); }, width: "14%" },
        { name: "Speaker", key: function (c) { return claimSpeakers(c).toLowerCase() || "~"; }, text: claimSpeakers, width: "17%" },
        { name: "Kind", key: function (c) { return claims[c].k; }, text: function (c) { return KIND_NAMES[claims[c].k] || claims[c].k; }, width: "11%" },
        { name: "Story", key: function (c) { return claims[c].st >= 0 ? stories[claims[c].st].l.toLowerCase() : "~"; }, text: function (c) { return claims[c].st >= 0 ? stories[claims[c].st].l : ""; }, width: "11%" }
      ],
      sort: [1, -1],
      rows: function () { var out = []; for (var c = 0; c < claims.length; c++) if (match[c]) out.push(c); return out; },
      ref: function (c) { return { kind: "claim", i: c }; }
    },
    speakers: {
      cols: [
        { name: "Speaker", key: function (s) { return speakers[s].n.toLowerCase(); }, text: function (s) { return speakers[s].n; }, width: "30%" },
        { name: "Claims", key: function (s) { return countIn(speakers[s].c); }, text: function (s) { return countIn(speakers[s].c); }, num: true, width: "12%" },
        { name: "Also named", key: function (s) { return speakers[s].a.join(", ").toLowerCase(); }, text: function (s) { return speakers[s].a.join(", "); }, width: "30%" },
        { name: "Roles", key: function (s) { return speakers[s].ro.join(", ").toLowerCase(); }, text: function (s) { return speakers[s].ro.join(", "); }, width: "28%" }
      ],
      sort: [1, -1],
      rows: function () { return speakers.map(function (_, s) { return s; }).filter(function (s) { return countIn(speakers[s].c) > 0; }); },
      ref: function (s) { return { kind: "speaker", i: s }; }
    },
    contradictions: relationTab("contradicts"),
    numbers: relationTab("conflicting_quantity")
  };
  function relationTab(kind) {
    function side(r, k) { var c = D.relations[r][k]; return claims[c].l + (kind === "conflicting_quantity" && claims[c].q.length ? " [" + claims[c].q.join("; ") + "]" : ""); }
    function who(r, k) { return claimSpeakers(D.relations[r][k]); }
    return {
      cols: [
        { name: "Claim", key: function (r) { return side(r, 0).toLowerCase(); }, text: function (r) { return side(r, 0); }, wrap: true, width: "32%" },
        { name: "Said by", key: function (r) { return who(r, 0).toLowerCase(); }, text: function (r) { return who(r, 0); }, width: "18%" },
        { name: kind === "contradicts" ? "Contradicted by" : "Against", key: function (r) { return side(r, 1).toLowerCase(); }, text: function (r) { return side(r, 1); }, wrap: true, width: "32%" },
        { name: "Said by", key: function (r) { return who(r, 1).toLowerCase(); }, text: function (r) { return who(r, 1); }, width: "18%" }
      ],
      sort: [0, 1],
      rows: function () {
        var out = [];
        D.relations.forEach(function (r, k) { if (r[2] === kind && (match[r[0]] || match[r[1]])) out.push(k); });
        return out;
      },
      ref: function (r) { var a = D.relations[r][0]; return { kind: "claim", i: match[a] ? a : D.relations[r][1] }; }
    };
  }
  function countIn(list) { var n = 0; for (var k = 0; k < list.length; k++) n += match[list[k]]; return n; }

  var list = { tab: "claims", rows: [], shown: 0, sort: {} };
  Object.keys(TABS).forEach(function (t) { list.sort[t] = TABS[t].sort.slice(); });
  var head = $("table-head"), body = $("table-body");
  function renderHead() {
    clear(head);
    var tab = TABS[list.tab], s = list.sort[list.tab];
    tab.cols.forEach(function (col, k) {
      var th = el("th", null, col.name);
      th.style.width = col.width;
      th.setAttribute("data-col", String(k));
      th.setAttribute("aria-sort", s[0] === k ? (s[1] > 0 ? "ascending" : "descending") : "none");
      th.addEventListener("click", function () {
        var cur = list.sort[list.tab];
        list.sort[list.tab] = cur[0] === k ? [k, -cur[1]] : [k, col.num ? -1 : 1];
        refreshList();
      });
      head.appendChild(th);
    });
  }
  function sortRows(rows) {
    var tab = TABS[list.tab], s = list.sort[list.tab], col = tab.cols[s[0]], dir = s[1];
    var keys = {};
    rows.forEach(function (r) { keys[r] = col.key(r); });
    rows.sort(function (a, b) { return dir * cmp(keys[a], keys[b]) || a - b; });
    return rows;
  }
  function appendRows(n) {
    var tab = TABS[list.tab];
    var end = Math.min(list.rows.length, list.shown + n);
    var frag = document.createDocumentFragment();
    for (var k = list.shown; k < end; k++) {
      var r = list.rows[k], tr = el("tr");
      tr.setAttribute("data-row", String(r));
      tab.cols.forEach(function (col) {
        var td = el("td", (col.num ? "num" : "") + (col.wrap ? " wrap" : ""), col.text(r));
        if (col.title) td.setAttribute("title", String(col.title(r)));
        tr.appendChild(td);
      });
      frag.appendChild(tr);
    }
    body.appendChild(frag);
    list.shown = end;
    $("more").hidden = list.shown >= list.rows.length;
    $("list-count").textContent = list.rows.length === 0 ? "Nothing matches." :
      "Showing " + list.shown + " of " + list.rows.length;
    highlightRow();
  }
  function refreshList() {
    renderHead();
    clear(body);
    list.rows = sortRows(TABS[list.tab].rows());
    list.shown = 0;
    appendRows(PAGE);
    $("list").scrollTop = 0;
  }
  function highlightRow() {
    var sel = state.selected;
    Array.prototype.forEach.call(body.querySelectorAll("tr.selected"), function (tr) { tr.className = ""; });
    if (!sel) return;
    var tab = TABS[list.tab];
    Array.prototype.forEach.call(body.children, function (tr) {
      var ref = tab.ref(Number(tr.getAttribute("data-row")));
      if (ref.kind === sel.kind && ref.i === sel.i) tr.className = "selected";
    });
  }
  body.addEventListener("click", function (ev) {
    var tr = ev.target.closest("tr");
    if (!tr) return;
    select(TABS[list.tab].ref(Number(tr.getAttribute("data-row"))));
  });
  $("more").addEventListener("click", function () { appendRows(PAGE); });
  function tabCounts() {
    Array.prototype.forEach.call(document.querySelectorAll("#tabs button"), function (b) {
      var t = b.getAttribute("data-tab");
      var n = b.querySelector(".n") || b.appendChild(el("span", "n"));
      n.textContent = String(t === list.tab ? list.rows.length : TABS[t].rows().length);
    });
  }
  function openTab(t) {
    list.tab = t;
    Array.prototype.forEach.call(document.querySelectorAll("#tabs button"), function (b) {
      b.setAttribute("aria-selected", b.getAttribute("data-tab") === t ? "true" : "false");
    });
    refreshList();
    tabCounts();
  }
  state.openTab = openTab;
  Array.prototype.forEach.call(document.querySelectorAll("#tabs button"), function (b) {
    b.addEventListener("click", function () { openTab(b.getAttribute("data-tab")); });
  });

  // -- filter controls and timeline ---------------------------------------------------------------
  var outletSel = $("f-outlet");
  outlets.forEach(function (o, k) { var opt = el("option", null, o.n); opt.value = String(k); outletSel.appendChild(opt); });
  var kinds = {};
  claims.forEach(function (c) { kinds[c.k] = 1; });
  Object.keys(kinds).sort().forEach(function (k) { var opt = el("option", null, KIND_NAMES[k] || k); opt.value = k; $("f-kind").appendChild(opt); });
  var names = $("f-speakers");
  speakers.slice(0, 3000).forEach(function (s) { var opt = el("option"); opt.value = s.n; names.appendChild(opt); });

  function readFilters() {
    filter.text = $("f-text").value;
    filter.outlet = outletSel.value === "" ? -1 : Number(outletSel.value);
    filter.kind = $("f-kind").value;
    filter.speaker = $("f-speaker").value;
    filter.from = $("f-from").value;
    filter.to = $("f-to").value;
    filter.min = Math.max(1, Number($("f-min").value) || 1);
  }
  var applied = JSON.stringify(filter);
  function applyFilters() {
    readFilters();
    var key = JSON.stringify(filter);
    if (key === applied) return; // a blur after typing: the lists stay as they are
    applied = key;
    computeMatch();
    refreshList();
    tabCounts();
    timeline();
    if (state.view && (state.view.kind !== "claim")) show(state.view);
  }
  state.setFilter = function (f) {
    var map = { text: "f-text", kind: "f-kind", speaker: "f-speaker", from: "f-from", to: "f-to", min: "f-min" };
    Object.keys(f).forEach(function (k) {
      if (k === "outlet") outletSel.value = f[k] < 0 ? "" : String(f[k]);
      else $(map[k]).value = String(f[k]);
    });
    applyFilters();
    return list.rows.length;
  };
  var timer = null;
  $("filters").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(applyFilters, 150); });
  $("filters").addEventListener("change", function () { clearTimeout(timer); applyFilters(); });
  $("filters").addEventListener("submit", function (ev) { ev.preventDefault(); applyFilters(); });
  $("filters").addEventListener("reset", function () { setTimeout(applyFilters, 0); });

  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function binOf(d, unit) { return unit === "day" ? d : unit === "month" ? d.slice(0, 7) : d.slice(0, 4); }
  function binRange(b, unit) {
    if (unit === "day") return [b, b];
    if (unit === "year") return [b + "-01-01", b + "-12-31"];
    var y = Number(b.slice(0, 4)), m = Number(b.slice(5, 7));
    var last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [b + "-01", b + "-" + String(last).padStart(2, "0")];
  }
  var dates = claims.map(function (c) { return day(c.d); }).filter(function (d) { return /^\d{4}-\d{2}-\d{2}$/.test(d); }).sort();
  var spanDays = dates.length ? (Date.parse(dates[dates.length - 1]) - Date.parse(dates[0])) / 864e5 : 0;
  var unit = spanDays <= 62 ? "day" : spanDays <= 365 * 6 ? "month" : "year";
  function timeline() {
    var host = $("timeline");
    clear(host);
    if (!dates.length) { host.appendChild(el("span", "meta", "No dated claims.")); return; }
    var counts = {};
    for (var c = 0; c < claims.length; c++) {
      var d = day(claims[c].d);
      if (!matchNoDate[c] || !/^\d{4}-\d{2}-\d{2}$/.test(d)) continue;
      var b = binOf(d, unit);
      counts[b] = (counts[b] || 0) + 1;
    }
    var bins = [], b0 = binOf(dates[0], unit), b1 = binOf(dates[dates.length - 1], unit), cur = b0, guard = 0;
    while (cur <= b1 && guard++ < 5000) {
      bins.push(cur);
      var r = binRange(cur, unit), next = new Date(Date.parse(r[1]) + 864e5).toISOString().slice(0, 10);
      cur = binOf(next, unit);
    }
    var max = bins.reduce(function (m, b) { return Math.max(m, counts[b] || 0); }, 1);
    var W = host.clientWidth || 480, H = 38, bw = W / bins.length;
    var s = svg("svg", { viewBox: "0 0 " + W + " " + H, preserveAspectRatio: "none", role: "img" });
    bins.forEach(function (b, k) {
      var n = counts[b] || 0, h = n ? Math.max(2, (H - 12) * n / max) : 0;
      var rng = binRange(b, unit);
      var inRange = (!filter.from || rng[1] >= filter.from) && (!filter.to || rng[0] <= filter.to) && (filter.from || filter.to);
      var rect = svg("rect", { x: k * bw + 0.5, y: H - 11 - h, width: Math.max(1, bw - 1), height: h || 0.5, "data-bin": b });
      if (inRange) rect.setAttribute("class", "in");
      var t = document.createElementNS(SVG, "title");
      t.textContent = b + ": " + plural(n, "claim");
      rect.appendChild(t);
      rect.addEventListener("click", function () { $("f-from").value = rng[0]; $("f-to").value = rng[1]; applyFilters(); });
      s.appendChild(rect);
    });
    var first = svg("text", { x: 1, y: H - 1 }); first.textContent = bins[0];
    var last = svg("text", { x: W - 1, y: H - 1, "text-anchor": "end" }); last.textContent = bins[bins.length - 1];
    s.appendChild(first); s.appendChild(last);
    host.appendChild(s);
  }

  // -- start ------------------------------------------------------------------------------------
  function ready() {
    if (state.ready) return;
    state.ready = true;
    state.settledMs = performance.now();
    $("loading").className = "done";
    document.body.setAttribute("data-ready", "1");
    window.dispatchEvent(new Event("claimgraph:ready"));
  }
  computeMatch();
  openTab(stories.length > 1 ? "stories" : "claims");
  timeline();
  var f = D.focus;
  if (f) {
    openTab(f.kind === "speaker" ? "speakers" : "claims");
    state.focus(f.kind, f.i);
  } else {
    show({ kind: "overview" });
  }
  if (!claims.length) {
    $("loading-text").textContent = "Nothing to draw: no claims in this graph.";
    $("loading").className = "";
    state.ready = true;
    state.settledMs = performance.now();
    document.body.setAttribute("data-ready", "1");
  } else {
    network.once("afterDrawing", function () { ready(); });
    network.redraw();
  }
})();
