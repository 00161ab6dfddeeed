/* claimgraph page: draw the graph, tooltips, search, per-kind toggles.
 *
 * Every string from the data is untrusted article text. It reaches the DOM only through
 * textContent (tooltips, messages) or the vis canvas (labels); it is never parsed as HTML.
 * When the layout has settled, physics is switched off and window.claimgraph.ready is set,
 * with the time in ms since navigation in window.claimgraph.settledMs.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("claimgraph-data").textContent);
  var state = { ready: false, settledMs: null, data: data };
  window.claimgraph = state;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function tooltip(tip) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-h", tip.h));
    (tip.p || []).forEach(function (line) { box.appendChild(el("div", "tip-p", line)); });
    (tip.q || []).forEach(function (q) {
      var item = el("div", "tip-q");
      item.appendChild(el("div", "tip-meta", q[0]));
      item.appendChild(el("div", "tip-quote", "\u201c" + q[1] + "\u201d"));
      box.appendChild(item);
    });
    return box;
  }

  data.nodes.forEach(function (n) {
    var tip = data.tips[n.id];
    if (tip) n.title = tooltip(tip);
  });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var loading = document.getElementById("loading");
  var loadingText = document.getElementById("loading-text");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  state.network = network;
  state.nodes = nodes;
  state.edges = edges;

  function settle() {
    if (state.ready) return;
    network.setOptions({ physics: { enabled: false } });
    state.ready = true;
    state.settledMs = performance.now();
    loading.className = "done";
    document.body.setAttribute("data-ready", "1");
    window.dispatchEvent(new Event("claimgraph:ready"));
  }
  network.on("stabilizationProgress", function (p) {
    loadingText.textContent = "Laying out " + data.nodes.length + " nodes\u2026 " +
      Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", settle);
  if (data.nodes.length === 0) {
    loadingText.textContent = "Nothing to draw: no claims in this graph.";
    loading.className = "";
    state.ready = true;
    state.settledMs = performance.now();
    document.body.setAttribute("data-ready", "1");
  }

  // Per-kind toggles.
  var byKind = {};
  data.nodes.forEach(function (n) { (byKind[n.group] = byKind[n.group] || []).push(n.id); });
  Array.prototype.forEach.call(
    document.querySelectorAll("#legend input[data-kind]"),
    function (box) {
      box.addEventListener("change", function () {
        var ids = byKind[box.getAttribute("data-kind")] || [];
        nodes.update(ids.map(function (id) { return { id: id, hidden: !box.checked }; }));
      });
    }
  );

  // Search: every word of the query must occur in a node's name, aliases or claim text.
  var search = data.search;
  var result = document.getElementById("search-result");
  var order = { speaker: 0, claim: 1, topic: 2, outlet: 3 };
  function find(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var hits = [];
    Object.keys(search).forEach(function (id) {
      var text = search[id];
      for (var i = 0; i < words.length; i++) if (text.indexOf(words[i]) < 0) return;
      var node = nodes.get(id);
      if (node && !node.hidden) hits.push(node);
    });
    hits.sort(function (a, b) { return (order[a.group] - order[b.group]) || (b.size - a.size); });
    return hits.map(function (n) { return n.id; });
  }
  function run(focusIt) {
    var q = document.getElementById("search-box").value;
    var hits = find(q);
    network.unselectAll();
    if (!q.trim()) { result.textContent = ""; return hits; }
    if (!hits.length) { result.textContent = "No match."; return hits; }
    network.selectNodes(hits.slice(0, 200));
    result.textContent = hits.length === 1 ? "1 match" : hits.length + " matches";
    if (focusIt) {
      if (hits.length === 1) {
        network.focus(hits[0], { scale: 1.2, animation: { duration: 400 } });
      } else {
        network.fit({ nodes: hits.slice(0, 200), animation: { duration: 400 } });
      }
    }
    return hits;
  }
  state.search = function (q) { document.getElementById("search-box").value = q; return run(true); };
  var timer = null;
  document.getElementById("search-box").addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(false); }, 200);
  });
  document.getElementById("search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    run(true);
  });
})();
