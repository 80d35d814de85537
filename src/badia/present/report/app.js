/* badia report: the client-side view over the embedded JSON (own code).
 * Document text is untrusted: it only ever reaches the DOM through textContent,
 * attribute values set here are constants or numbers, and links are '#' anchors. */
(function () {
  "use strict";

  var D = JSON.parse(document.getElementById("badia-data").textContent);
  // events come as columns (field names once) without the document title: rebuild objects
  var TITLES = {};
  (D.documents || []).forEach(function (d) { TITLES[d.id] = d.title; });
  var EVENTS = ((D.events || {}).rows || []).map(function (row) {
    var ev = {};
    D.events.fields.forEach(function (f, k) { ev[f] = row[k]; });
    ev.doc_title = TITLES[ev.doc_id] || null;
    return ev;
  });
  var PAGE = 50;
  var TYPE_COLOURS = {
    attack: "#d62728", clash: "#ff7f0e", ambush: "#8c564b", capture: "#2ca02c",
    withdrawal: "#98df8a", airstrike: "#1f77b4", shelling: "#9467bd", bombing: "#e377c2",
    civilian_violence: "#7f7f7f", deployment: "#17becf", other: "#bcbd22"
  };
  var SIDE_COLOURS = {
    government: "#c0392b", russia: "#8e44ad", opposition: "#27ae60", islamic_state: "#2c3e50",
    coalition: "#2980b9", civilians: "#f39c12", unknown: "#95a5a6", pro_government_foreign: "#d35400"
  };

  // ------------------------------------------------------------------ helpers

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    // dir=auto isolates the text: a right-to-left override in it cannot reorder the page
    if (text !== undefined && text !== null) { node.textContent = String(text); node.dir = "auto"; }
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function byId(id) { return document.getElementById(id); }
  function list(values) { return (values || []).join(", "); }
  function dateText(ev) {
    if (!ev.date_start) { return "undated"; }
    if (ev.date_end && ev.date_end !== ev.date_start) { return ev.date_start + " – " + ev.date_end; }
    return ev.date_start;
  }
  function typeColour(t) { return TYPE_COLOURS[t] || "#555"; }
  function sideColour(s) { return SIDE_COLOURS[s || "unknown"] || "#555"; }
  function uniqueSorted(values) {
    var seen = {};
    values.forEach(function (v) { if (v) { seen[v] = true; } });
    return Object.keys(seen).sort();
  }
  function fillSelect(select, values) {
    values.forEach(function (v) { var o = el("option", v); o.value = v; select.appendChild(o); });
  }

  // ------------------------------------------------------------------ filters

  var F = {
    from: byId("f-from"), to: byId("f-to"), type: byId("f-type"), side: byId("f-side"),
    actor: byId("f-actor"), place: byId("f-place"), doc: byId("f-doc")
  };
  fillSelect(F.type, uniqueSorted(EVENTS.map(function (e) { return e.type; })));
  fillSelect(F.side, D.sides || []);
  (D.documents || []).forEach(function (d) {
    var o = el("option", d.title ? d.name + " — " + d.title : d.name);
    o.value = d.id;
    F.doc.appendChild(o);
  });
  var actors = [], places = [];
  EVENTS.forEach(function (e) {
    actors = actors.concat(e.actor1 || [], e.actor2 || []);
    places = places.concat(e.locations || []);
    if (e.admin1) { places.push(e.admin1); }
  });
  uniqueSorted(actors).slice(0, 2000).forEach(function (a) {
    var o = document.createElement("option"); o.value = a; byId("actor-list").appendChild(o);
  });
  uniqueSorted(places).slice(0, 2000).forEach(function (p) {
    var o = document.createElement("option"); o.value = p; byId("place-list").appendChild(o);
  });

  function matches(ev, f) {
    if (f.type && ev.type !== f.type) { return false; }
    if (f.side && ev.side1 !== f.side && ev.side2 !== f.side) { return false; }
    if (f.doc && ev.doc_id !== f.doc) { return false; }
    if (f.from || f.to) {
      var s = ev.date_start || ev.date_end, e = ev.date_end || ev.date_start;
      if (!s) { return false; }
      if (f.from && e < f.from) { return false; }
      if (f.to && s > f.to) { return false; }
    }
    if (f.actor) {
      var a = (ev.actor1 || []).concat(ev.actor2 || []);
      if (!a.some(function (x) { return x.toLowerCase().indexOf(f.actor) >= 0; })) { return false; }
    }
    if (f.place) {
      var p = (ev.locations || []).concat(ev.admin1 ? [ev.admin1] : []);
      if (!p.some(function (x) { return x.toLowerCase().indexOf(f.place) >= 0; })) { return false; }
    }
    return true;
  }

  var filtered = [];
  function applyFilters() {
    var f = {
      from: F.from.value, to: F.to.value, type: F.type.value, side: F.side.value, doc: F.doc.value,
      actor: F.actor.value.trim().toLowerCase(), place: F.place.value.trim().toLowerCase()
    };
    filtered = [];
    for (var i = 0; i < EVENTS.length; i++) { if (matches(EVENTS[i], f)) { filtered.push(i); } }
    byId("count").textContent = filtered.length + " of " + EVENTS.length + " events";
    renderMarkers();
    renderTimeline();
    renderCasualties();
    renderTable(0);
  }
  Object.keys(F).forEach(function (k) {
    F[k].addEventListener(F[k].tagName === "SELECT" ? "change" : "input", applyFilters);
  });
  byId("f-reset").addEventListener("click", function () {
    Object.keys(F).forEach(function (k) { F[k].value = ""; });
    applyFilters();
  });

  // ------------------------------------------------------------------ detail panel

  var selected = -1;
  function row(dl, label, value) {
    if (value === undefined || value === null || value === "") { return; }
    dl.appendChild(el("dt", label));
    var dd = el("dd");
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = String(value); dd.dir = "auto"; }
    dl.appendChild(dd);
  }
  // A served page over a large store embeds no quotes: they come from the API on a click.
  function fetchDetail(i) {
    var ev = EVENTS[i];
    fetch(D.detail_url + encodeURIComponent(ev.id), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (full) {
        ["quote", "citations", "start", "end", "sources"].forEach(function (k) { ev[k] = full[k]; });
        if (selected === i) { showDetail(i); }
      })
      .catch(function () {
        ev.quote = "(the quote could not be loaded from the server)";
        if (selected === i) { showDetail(i); }
      });
  }
  function showDetail(i) {
    var ev = EVENTS[i];
    selected = i;
    var box = byId("detail");
    clear(box);
    if (ev.quote === undefined && D.detail_url) {
      box.appendChild(el("h3", dateText(ev) + " · " + ev.type));
      box.appendChild(el("p", "Loading the quote…", "hint"));
      markSelectedRow();
      showRing(i);
      fetchDetail(i);
      return;
    }
    var close = el("button", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { clear(box); selected = -1; markSelectedRow(); });
    box.appendChild(close);
    box.appendChild(el("h3", dateText(ev) + " · " + ev.type));
    box.appendChild(el("blockquote", ev.quote, "quote"));
    var dl = el("dl");
    var doc = ev.doc + (ev.doc_title ? " — " + ev.doc_title : "");
    row(dl, "Document", doc);
    row(dl, "Span", "characters " + ev.start + "–" + ev.end);
    row(dl, "Side 1", ev.side1);
    row(dl, "Actor 1", list(ev.actor1));
    row(dl, "Side 2", ev.side2);
    row(dl, "Actor 2", list(ev.actor2));
    row(dl, "Locations", list(ev.locations));
    row(dl, "Governorate", ev.admin1);
    if (ev.lat !== null && ev.lat !== undefined) {
      row(dl, "Coordinates", ev.lat.toFixed(4) + ", " + ev.lon.toFixed(4));
    }
    if ((ev.fatalities || []).length) {
      var ul = el("ul");
      ev.fatalities.forEach(function (f) {
        ul.appendChild(el("li", f.killed + " " + f.side + (f.source ? " (per " + f.source + ")" : "")));
      });
      row(dl, "Killed", ul);
    }
    row(dl, "Claimant", ev.source);
    var cites = el("ul", null, "citations");
    (ev.citations || []).forEach(function (c) {
      cites.appendChild(el("li", c.marker + (c.reference ? " " + c.reference : "")));
    });
    row(dl, "Citation", cites.childNodes.length ? cites : "none in the text");
    row(dl, "Event id", ev.id);
    box.appendChild(dl);
    markSelectedRow();
    showRing(i);
  }

  // ------------------------------------------------------------------ map

  var map = null, cluster = null, markers = [];
  function initMap() {
    if (typeof L === "undefined") { byId("map-note").textContent = "Map library unavailable."; return; }
    map = L.map("map", { attributionControl: false, zoomSnap: 0.5, minZoom: 4, maxZoom: 14 });
    var notes = [];
    if (D.admin1 && D.admin1.features && D.admin1.features.length) {
      L.geoJSON(D.admin1, {
        style: function () { return { color: "#7a8799", weight: 1, fillColor: "#fdfdf8", fillOpacity: 1 }; },
        onEachFeature: function (feature, layer) {
          var name = feature.properties && feature.properties.name;
          if (name) { layer.bindTooltip(function () { return el("span", name); }, { sticky: true }); }
        }
      }).addTo(map);
    } else {
      notes.push(D.admin1_note || "No governorate boundaries: map drawn without background.");
    }
    cluster = typeof L.markerClusterGroup === "function"
      ? L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 40, showCoverageOnHover: false,
          disableClusteringAtZoom: 11 })
      : L.layerGroup();
    var located = 0;
    EVENTS.forEach(function (ev, i) {
      if (ev.lat === null || ev.lat === undefined || ev.lon === null || ev.lon === undefined) {
        markers.push(null); return;
      }
      located++;
      var m = L.circleMarker([ev.lat, ev.lon], {
        radius: 5 + Math.min(15, Math.sqrt(ev.killed || 0) * 1.5),
        color: "#222", weight: 1, fillColor: typeColour(ev.type), fillOpacity: 0.85,
        className: "badia-marker"
      });
      m.bindTooltip(function () {
        return el("span", dateText(ev) + " · " + ev.type + " · " + list(ev.locations), "badia-tip");
      });
      m.on("click", function () { showDetail(i); });
      markers.push(m);
    });
    cluster.addTo(map);
    if (located < EVENTS.length) {
      var unplaced = EVENTS.length - located;
      notes.push(unplaced + (unplaced === 1 ? " event has" : " events have") +
        " no coordinates: in the table, not on the map.");
    }
    byId("map-note").textContent = notes.join(" ");
    var bounds = null;
    EVENTS.forEach(function (ev) {
      if (ev.lat === null || ev.lat === undefined) { return; }
      bounds = bounds ? bounds.extend([ev.lat, ev.lon]) : L.latLngBounds([ev.lat, ev.lon], [ev.lat, ev.lon]);
    });
    if (!bounds && D.admin1 && D.admin1.features && D.admin1.features.length) {
      bounds = L.geoJSON(D.admin1).getBounds();
    }
    if (!bounds || !bounds.isValid()) { bounds = L.latLngBounds([32.3, 35.7], [37.3, 42.4]); }
    map.fitBounds(bounds.pad(0.1), { maxZoom: 9, animate: false });
    var legend = byId("legend");
    uniqueSorted(EVENTS.map(function (e) { return e.type; })).forEach(function (t) {
      var item = el("span");
      var sw = el("span", null, "swatch");
      sw.style.background = typeColour(t);
      item.appendChild(sw);
      item.appendChild(document.createTextNode(t));
      legend.appendChild(item);
    });
    var grouped = el("span");
    grouped.appendChild(el("span", null, "swatch cluster"));
    grouped.appendChild(document.createTextNode("events grouped (count); zoom in to split"));
    legend.appendChild(grouped);
    legend.appendChild(el("span", "Marker size: killed."));
  }
  var ring = null;
  function showRing(i) {
    if (!map) { return; }
    if (ring) { map.removeLayer(ring); ring = null; }
    var m = markers[i];
    if (!m) { return; }
    ring = L.circleMarker(m.getLatLng(), {
      radius: 16, color: "#1d2430", weight: 3, fill: false, interactive: false,
      className: "badia-selected"
    }).addTo(map);
  }
  // The event with its nearest neighbours (within 150 km) in view, at most at zoom 10:
  // a single dot on an empty field says nothing about where it is.
  function focusEvent(i) {
    var m = markers[i];
    if (!m || !map) { return; }
    var here = m.getLatLng();
    var near = [];
    filtered.forEach(function (j) {
      if (j !== i && markers[j]) { near.push({ j: j, d: here.distanceTo(markers[j].getLatLng()) }); }
    });
    near.sort(function (a, b) { return a.d - b.d; });
    var bounds = L.latLngBounds([here, here]);
    near.slice(0, 6).forEach(function (n) {
      if (n.d < 150000) { bounds.extend(markers[n.j].getLatLng()); }
    });
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
      map.setView(here, 9, { animate: false });
    } else {
      map.fitBounds(bounds.pad(0.3), { maxZoom: 10, animate: false });
    }
    showRing(i);
  }
  function renderMarkers() {
    if (!cluster) { return; }
    cluster.clearLayers();
    var layers = [];
    filtered.forEach(function (i) { if (markers[i]) { layers.push(markers[i]); } });
    if (cluster.addLayers) { cluster.addLayers(layers); } else { layers.forEach(function (m) { cluster.addLayer(m); }); }
    // show what the filters kept (no animation: nothing may still be moving when the
    // markers are rebuilt on the next filter change)
    if (layers.length) {
      var bounds = L.latLngBounds(layers.map(function (m) { return m.getLatLng(); }));
      map.fitBounds(bounds.pad(0.1), { maxZoom: 9, animate: false });
    }
  }

  // ------------------------------------------------------------------ timeline

  function dayNumber(iso) { return Math.floor(Date.parse(iso + "T00:00:00Z") / 86400000); }
  function isoOfDay(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }
  function renderTimeline() {
    var box = byId("timeline");
    clear(box);
    var dated = filtered.filter(function (i) { return EVENTS[i].date_start; });
    var undated = filtered.length - dated.length;
    if (!dated.length) {
      box.appendChild(el("p", "No dated events match the filters.", "note"));
      byId("timeline-unit").textContent = "";
      return;
    }
    var days = dated.map(function (i) { return dayNumber(EVENTS[i].date_start); });
    var lo = Math.min.apply(null, days), hi = Math.max.apply(null, days);
    var weekly = hi - lo <= 182;
    function bucketStart(d) {
      if (weekly) { return d - ((d + 3) % 7); } // day 0 (1970-01-01) was a Thursday: weeks start Monday
      var iso = isoOfDay(d);
      return dayNumber(iso.slice(0, 8) + "01");
    }
    function nextBucket(b) {
      if (weekly) { return b + 7; }
      var iso = isoOfDay(b), y = +iso.slice(0, 4), m = +iso.slice(5, 7);
      if (m === 12) { y += 1; m = 1; } else { m += 1; }
      return dayNumber(y + "-" + (m < 10 ? "0" : "") + m + "-01");
    }
    var buckets = [];
    for (var b = bucketStart(lo); b <= hi; b = nextBucket(b)) { buckets.push(b); }
    var index = {};
    buckets.forEach(function (bk, k) { index[bk] = k; });
    var counts = buckets.map(function () { return {}; });
    var sidesSeen = {};
    dated.forEach(function (i, k) {
      var s = EVENTS[i].side1 || "unknown";
      sidesSeen[s] = true;
      var c = counts[index[bucketStart(days[k])]];
      c[s] = (c[s] || 0) + 1;
    });
    var sides = (D.sides || []).filter(function (s) { return sidesSeen[s]; });
    var maxTotal = 1;
    counts.forEach(function (c) {
      var t = 0; Object.keys(c).forEach(function (s) { t += c[s]; });
      if (t > maxTotal) { maxTotal = t; }
    });
    var W = Math.max(box.clientWidth || 900, 300), H = 180, left = 34, bottom = 22, top = 8;
    var bw = (W - left - 4) / buckets.length;
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, height: H, role: "img" });
    root.appendChild(svg("line", { x1: left, y1: H - bottom, x2: W, y2: H - bottom, stroke: "#999" }));
    var maxLabel = svg("text", { x: 2, y: top + 8 });
    maxLabel.textContent = String(maxTotal);
    root.appendChild(maxLabel);
    var zero = svg("text", { x: 2, y: H - bottom });
    zero.textContent = "0";
    root.appendChild(zero);
    var labelEvery = Math.max(1, Math.ceil(buckets.length / Math.floor((W - left) / 70)));
    buckets.forEach(function (bk, k) {
      var y = H - bottom, x = left + k * bw;
      sides.forEach(function (s) {
        var n = counts[k][s] || 0;
        if (!n) { return; }
        var h = n / maxTotal * (H - bottom - top);
        y -= h;
        var barW = Math.max(1, Math.min(bw - 1, 48));
        var rect = svg("rect", {
          x: x + (bw - barW) / 2, y: y, width: barW, height: h, fill: sideColour(s), "class": "bar"
        });
        rect.setAttribute("data-count", String(n));
        var t = svg("title");
        t.textContent = (weekly ? "week of " : "") + isoOfDay(bk).slice(0, weekly ? 10 : 7) + ": " + n + " " + s;
        rect.appendChild(t);
        rect.addEventListener("click", function () {
          F.from.value = isoOfDay(bk);
          F.to.value = isoOfDay(nextBucket(bk) - 1);
          applyFilters();
        });
        root.appendChild(rect);
      });
      if (k % labelEvery === 0) {
        var lab = svg("text", { x: x + 1, y: H - 6 });
        lab.textContent = isoOfDay(bk).slice(0, weekly ? 10 : 7);
        root.appendChild(lab);
      }
    });
    box.appendChild(root);
    byId("timeline-unit").textContent = "events per " + (weekly ? "week" : "month") + " by side of actor 1" +
      (undated ? " (" + undated + " undated not shown)" : "") + "; click a bar to filter to it";
    var legend = byId("timeline-legend");
    clear(legend);
    sides.forEach(function (s) {
      var item = el("span");
      var sw = el("span", null, "swatch");
      sw.style.background = sideColour(s);
      item.appendChild(sw);
      item.appendChild(document.createTextNode(s));
      legend.appendChild(item);
    });
  }

  // ------------------------------------------------------------------ generic JSON rendering

  function isScalar(v) { return v === null || typeof v !== "object"; }
  function tableOf(rows, columns) {
    var table = el("table");
    var head = el("tr");
    columns.forEach(function (c) { head.appendChild(el("th", c.label || c.key, c.num ? "num" : null)); });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (r) {
      var tr = el("tr");
      columns.forEach(function (c) {
        var v = r[c.key];
        tr.appendChild(el("td", v === null || v === undefined ? "" :
          (Array.isArray(v) ? v.map(function (x) { return isScalar(x) ? x : JSON.stringify(x); }).join(", ") :
            (isScalar(v) ? v : JSON.stringify(v))), c.num ? "num" : null));
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    return table;
  }
  function tableBox(child) {
    var div = el("div", null, "table-box");
    div.appendChild(child);
    return div;
  }
  function scroller(child) {
    var div = el("div", null, "scroll");
    div.appendChild(child);
    return div;
  }
  function statusBox(part) {
    return el("p", part.message || "not computed — run `badia merge`", "status");
  }

  // ------------------------------------------------------------------ casualties

  var SIDE_ORDER = {};
  (D.sides || []).forEach(function (s, k) { SIDE_ORDER[s] = k; });
  function renderCasualties() {
    var box = byId("casualties");
    clear(box);
    var sums = {};
    filtered.forEach(function (i) {
      var ev = EVENTS[i];
      (ev.fatalities || []).forEach(function (f) {
        var claimant = f.source || ev.source || "(unattributed)";
        var key = f.side + "\u0000" + claimant;
        if (!sums[key]) { sums[key] = { side: f.side, claimant: claimant, killed: 0, events: 0 }; }
        sums[key].killed += f.killed;
        sums[key].events += 1;
      });
    });
    var rows = Object.keys(sums).map(function (k) { return sums[k]; });
    rows.sort(function (a, b) {
      return (SIDE_ORDER[a.side] - SIDE_ORDER[b.side]) || (b.killed - a.killed);
    });
    box.appendChild(el("h3", "Killed in the filtered events (sum of event reports; sources may overlap)"));
    if (rows.length) {
      box.appendChild(scroller(tableOf(rows, [
        { key: "side", label: "Side" }, { key: "claimant", label: "Claimant" },
        { key: "killed", label: "Killed", num: true }, { key: "events", label: "Events", num: true }
      ])));
    } else {
      box.appendChild(el("p", "No fatality figures in the filtered events.", "note"));
    }
    var claims = D.claims || {};
    box.appendChild(el("h3", "Merged claims: low / best / high per side and event"));
    if (claims.status === "computed" && (claims.rows || []).length) {
      box.appendChild(scroller(tableOf(claims.rows, [
        { key: "subject", label: "Event or period" }, { key: "side", label: "Side" },
        { key: "low", label: "Low", num: true }, { key: "low_claimant", label: "per" },
        { key: "best", label: "Best", num: true }, { key: "best_claimant", label: "per" },
        { key: "high", label: "High", num: true }, { key: "high_claimant", label: "per" },
        { key: "rule", label: "Best chosen by" }
      ])));
    } else {
      box.appendChild(statusBox(claims));
    }
    if ((claims.casualties || []).length) {
      box.appendChild(el("h3", "Casualty table by period, side and source (merged)"));
      box.appendChild(scroller(tableOf(claims.casualties, [
        { key: "period", label: "Period" }, { key: "side", label: "Side" },
        { key: "kind", label: "Kind" }, { key: "source", label: "Source" },
        { key: "killed", label: "Killed", num: true }, { key: "counted", label: "Counted", num: true },
        { key: "flags", label: "Flags" }
      ])));
    }
    var tallies = claims.tallies || [];
    box.appendChild(el("h3", "Tallies stated in the documents"));
    if (tallies.length) {
      box.appendChild(scroller(tableOf(tallies, [
        { key: "period_start", label: "From" }, { key: "period_end", label: "To" },
        { key: "side", label: "Side" }, { key: "killed", label: "Killed", num: true },
        { key: "source", label: "Claimant" }, { key: "doc", label: "Document" }, { key: "quote", label: "Quote" }
      ])));
    } else {
      box.appendChild(el("p", "No tallies.", "note"));
    }
  }

  // ------------------------------------------------------------------ casualty chart

  var CLAIMANT_COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d"];
  var OTHER_CLAIMANTS = "#9aa3ae";
  function monthsBetween(a, b) {
    var out = [], y = +a.slice(0, 4), m = +a.slice(5, 7);
    var ey = +b.slice(0, 4), em = +b.slice(5, 7);
    while (y < ey || (y === ey && m <= em)) {
      out.push(y + "-" + (m < 10 ? "0" : "") + m);
      m += 1;
      if (m === 13) { m = 1; y += 1; }
    }
    return out;
  }
  function renderCasualtyChart() {
    var box = byId("casualty-chart");
    clear(box);
    var S = D.casualty_series || {};
    var rows = S.rows || [];
    if (!rows.length) {
      box.appendChild(el("p", "No dated fatality figures to chart.", "note"));
      return;
    }
    var periods = uniqueSorted(rows.map(function (r) { return r.period; }));
    if (S.by === "month" && periods.length > 1) {
      periods = monthsBetween(periods[0], periods[periods.length - 1]);
    }
    var at = {};
    periods.forEach(function (p, k) { at[p] = k; });
    var totals = {};
    rows.forEach(function (r) {
      var c = r.claimant || "(unattributed)";
      totals[c] = (totals[c] || 0) + r.killed;
    });
    var ranked = Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a]; });
    var colourOf = {};
    ranked.forEach(function (c, k) {
      colourOf[c] = k < CLAIMANT_COLOURS.length ? CLAIMANT_COLOURS[k] : OTHER_CLAIMANTS;
    });
    var disagree = {};
    (S.disagreements || []).forEach(function (d) { disagree[d.period + "\u0000" + d.side] = d; });
    box.appendChild(el("p", "Killed per " + (S.by || "period") + " and side, one colour per " +
      "claimant (whole store; the filters above do not apply). A dashed red bar joins the " +
      "figures of claimants who disagree on the same side and period.", "note"));
    var sides = (D.sides || []).filter(function (s) { return rows.some(function (r) { return r.side === s; }); });
    var W = Math.max(box.clientWidth || 900, 260), H = 120, left = 34, bottom = 18, top = 8;
    var step = (W - left - 6) / periods.length;
    function x(p) { return left + (at[p] + 0.5) * step; }
    var labelEvery = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor((W - left) / 60))));
    sides.forEach(function (side) {
      var mine = rows.filter(function (r) { return r.side === side; });
      var maxK = Math.max.apply(null, mine.map(function (r) { return r.killed; }).concat([1]));
      function y(k) { return H - bottom - k / maxK * (H - bottom - top); }
      var wrap = el("div", null, "cas-chart");
      wrap.setAttribute("data-side", side);
      wrap.appendChild(el("h4", side));
      var root = svg("svg", { viewBox: "0 0 " + W + " " + H, height: H, role: "img" });
      root.appendChild(svg("line", { x1: left, y1: H - bottom, x2: W, y2: H - bottom, stroke: "#999" }));
      var top_ = svg("text", { x: 2, y: top + 8 });
      top_.textContent = String(maxK);
      root.appendChild(top_);
      periods.forEach(function (p, k) {
        if (k % labelEvery) { return; }
        var lab = svg("text", { x: x(p) - 14, y: H - 5 });
        lab.textContent = p;
        root.appendChild(lab);
      });
      Object.keys(disagree).forEach(function (key) {
        var d = disagree[key];
        if (d.side !== side || at[d.period] === undefined) { return; }
        var values = Object.keys(d.claims).map(function (c) { return d.claims[c]; });
        var line = svg("line", {
          x1: x(d.period), x2: x(d.period), y1: y(Math.min.apply(null, values)),
          y2: y(Math.max.apply(null, values)), "class": "disagree"
        });
        var t = svg("title");
        t.textContent = d.period + ", " + side + ": claimants disagree — " + Object.keys(d.claims)
          .map(function (c) { return c + " " + d.claims[c]; }).join(", ");
        line.appendChild(t);
        root.appendChild(line);
      });
      var byClaimant = {};
      mine.forEach(function (r) {
        var c = r.claimant || "(unattributed)";
        (byClaimant[c] = byClaimant[c] || []).push(r);
      });
      Object.keys(byClaimant).forEach(function (c) {
        var pts = byClaimant[c].filter(function (r) { return at[r.period] !== undefined; });
        pts.sort(function (a, b) { return at[a.period] - at[b.period]; });
        // a line joins a claimant's figures of consecutive periods only: a gap is no figure
        var run = [];
        pts.concat([null]).forEach(function (r) {
          if (r && (!run.length || at[r.period] === at[run[run.length - 1].period] + 1)) {
            run.push(r);
            return;
          }
          if (run.length > 1) {
            root.appendChild(svg("polyline", {
              points: run.map(function (p) { return x(p.period) + "," + y(p.killed); }).join(" "),
              fill: "none", stroke: colourOf[c], "stroke-width": 1.5, "stroke-opacity": 0.7
            }));
          }
          run = r ? [r] : [];
        });
        pts.forEach(function (r) {
          var dot = svg("circle", { cx: x(r.period), cy: y(r.killed), r: 3.5, fill: colourOf[c], "class": "cas-point" });
          var t = svg("title");
          t.textContent = r.period + ", " + side + ": " + r.killed + " killed per " + c +
            " (" + r.events + " figure" + (r.events === 1 ? "" : "s") + ")";
          dot.appendChild(t);
          root.appendChild(dot);
        });
      });
      wrap.appendChild(root);
      box.appendChild(wrap);
    });
    var legend = el("div", null, "legend");
    ranked.slice(0, CLAIMANT_COLOURS.length).forEach(function (c) {
      var item = el("span");
      var sw = el("span", null, "swatch");
      sw.style.background = colourOf[c];
      item.appendChild(sw);
      item.appendChild(document.createTextNode(c));
      legend.appendChild(item);
    });
    if (ranked.length > CLAIMANT_COLOURS.length) {
      var rest = el("span");
      var sw2 = el("span", null, "swatch");
      sw2.style.background = OTHER_CLAIMANTS;
      rest.appendChild(sw2);
      rest.appendChild(document.createTextNode((ranked.length - CLAIMANT_COLOURS.length) + " other claimants"));
      legend.appendChild(rest);
    }
    var dis = el("span");
    dis.appendChild(el("span", null, "swatch disagree"));
    dis.appendChild(document.createTextNode("claimants disagree (" + (S.disagreements || []).length + ")"));
    legend.appendChild(dis);
    box.appendChild(legend);
  }

  // ------------------------------------------------------------------ control

  function evidenceText(evidence) {
    return (evidence || []).map(function (e) {
      return (e.date_start || "undated") + " " + (e.doc || "") + ": " + (e.quote || "");
    }).join(" | ");
  }
  function renderControl() {
    var box = byId("control");
    var part = D.control || {};
    if (part.status !== "computed" || !(part.places || []).length) { box.appendChild(statusBox(part)); return; }
    var all = [];
    part.places.forEach(function (item) {
      (item.timeline || item.periods || []).forEach(function (p) {
        if (p.start) { all.push(dayNumber(p.start)); }
        if (p.end) { all.push(dayNumber(p.end)); }
      });
    });
    var lo = all.length ? Math.min.apply(null, all) : 0, hi = all.length ? Math.max.apply(null, all) : 1;
    if (hi <= lo) { hi = lo + 1; }
    box.appendChild(el("p", "Holder of each place over " + (all.length ? isoOfDay(lo) + " – " + isoOfDay(hi) : "time") +
      "; open a place for its periods and their evidence.", "note"));
    part.places.forEach(function (item) {
      var wrap = el("details", null, "place-control");
      var summary = el("summary");
      summary.appendChild(el("span", item.place || item.name || item.key || "(unnamed place)", "place-name"));
      wrap.appendChild(summary);
      var periods = item.timeline || item.periods || [];
      var W = 420, H = 12;
      var strip = svg("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, "class": "control-strip" });
      periods.forEach(function (p) {
        var s0 = p.start ? dayNumber(p.start) : lo, s1 = p.end ? dayNumber(p.end) : hi;
        var x = (s0 - lo) / (hi - lo) * W, w = Math.max(2, (s1 - s0) / (hi - lo) * W);
        var r = svg("rect", { x: x, y: 0, width: w, height: H, fill: p.side === "contested" ? "#f1c40f" : sideColour(p.side) });
        var t = svg("title");
        t.textContent = (p.start || "?") + " – " + (p.end || "…") + ": " + p.side;
        r.appendChild(t);
        strip.appendChild(r);
      });
      summary.appendChild(strip);
      var holders = periods.map(function (p) { return p.side; }).join(" → ");
      summary.appendChild(el("span", holders, "meta"));
      wrap.appendChild(tableBox(tableOf(periods.map(function (p) {
        return { start: p.start, end: p.end || "(still, as far as told)", side: p.side,
          parties: p.parties, note: p.note, evidence: evidenceText(p.evidence) };
      }), [
        { key: "start", label: "From" }, { key: "end", label: "To" }, { key: "side", label: "Held by" },
        { key: "parties", label: "Parties" }, { key: "note", label: "Note" }, { key: "evidence", label: "Evidence" }
      ])));
      box.appendChild(wrap);
    });
  }

  // ------------------------------------------------------------------ order of battle

  function treeNode(node, depth) {
    var li = el("li");
    var kids = node.children || [];
    var head = el("span", node.name || "(unnamed)");
    var note = node.note ? el("span", node.note, "meta") : null;
    if (kids.length) {
      var details = el("details");
      if (depth < 2) { details.open = true; }
      var summary = el("summary");
      summary.appendChild(head);
      if (note) { summary.appendChild(note); }
      details.appendChild(summary);
      var ul = el("ul");
      kids.forEach(function (k) { ul.appendChild(treeNode(k, depth + 1)); });
      details.appendChild(ul);
      li.appendChild(details);
    } else {
      li.appendChild(head);
      if (note) { li.appendChild(note); }
    }
    return li;
  }
  function renderOob() {
    var box = byId("oob");
    var part = D.order_of_battle || {};
    if (part.origin === "infobox") {
      box.appendChild(el("p", "From the documents' infoboxes (merged order of battle " +
        (part.message || "not computed") + ").", "note"));
    }
    var tree = part.tree;
    var roots = Array.isArray(tree) ? tree : (tree ? [tree] : []);
    if (!roots.length) { box.appendChild(el("p", "No order of battle in the store.", "note")); return; }
    var div = el("div", null, "tree");
    var ul = el("ul");
    roots.forEach(function (r) { ul.appendChild(treeNode(r, 0)); });
    div.appendChild(ul);
    box.appendChild(div);
  }

  // ------------------------------------------------------------------ events table

  var page = 0;
  function markSelectedRow() {
    var rows = byId("events-table").tBodies[0].rows;
    for (var r = 0; r < rows.length; r++) {
      rows[r].classList.toggle("selected", +rows[r].getAttribute("data-index") === selected);
    }
  }
  function renderTable(p) {
    var pages = Math.max(1, Math.ceil(filtered.length / PAGE));
    page = Math.min(Math.max(0, p), pages - 1);
    var tbody = byId("events-table").tBodies[0];
    clear(tbody);
    filtered.slice(page * PAGE, (page + 1) * PAGE).forEach(function (i) {
      var ev = EVENTS[i];
      var tr = el("tr");
      tr.setAttribute("data-index", String(i));
      tr.tabIndex = 0;
      [dateText(ev), ev.type, ev.side1, list(ev.actor1), ev.side2, list(ev.actor2),
        list(ev.locations), ev.killed || "", ev.doc].forEach(function (v, k) {
        tr.appendChild(el("td", v, k === 7 ? "num" : null));
      });
      function open() {
        showDetail(i);
        // no animation: an animated zoom still running when a filter re-renders the
        // markers breaks markercluster
        focusEvent(i);
        byId("map-section").scrollIntoView({ block: "start" });
      }
      tr.addEventListener("click", open);
      tr.addEventListener("keydown", function (e) { if (e.key === "Enter") { open(); } });
      tbody.appendChild(tr);
    });
    markSelectedRow();
    var pager = byId("pager");
    clear(pager);
    var prev = el("button", "‹ Previous"); prev.type = "button"; prev.disabled = page === 0;
    var next = el("button", "Next ›"); next.type = "button"; next.disabled = page >= pages - 1;
    prev.addEventListener("click", function () { renderTable(page - 1); });
    next.addEventListener("click", function () { renderTable(page + 1); });
    pager.appendChild(prev);
    pager.appendChild(el("span", "Page " + (page + 1) + " of " + pages + " · " + filtered.length + " events", "page-info"));
    pager.appendChild(next);
  }

  // ------------------------------------------------------------------ start

  initMap();
  renderCasualtyChart();
  renderControl();
  renderOob();
  applyFilters();
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      renderTimeline();
      renderCasualtyChart();
      if (map) { map.invalidateSize(); }
    }, 150);
  });
  document.body.setAttribute("data-ready", "1");
})();
