// The search, loaded by theme.js when the visitor first opens it. It finds words in this
// language's current policy and history (the index MkDocs' search plugin writes,
// search/search_index.json) and lists the sections that hold all of them, grouped by page, in
// Material's markup and styles. A query word finds the words that begin with it once its ending is
// dropped, so that an inflected word finds the other forms ("данные" finds "данных"). The index is
// made from content: its text is only ever set as text, never as markup.
(function () {
  var ENDINGS = {
    ru: ["иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ая", "яя", "ое", "ее",
         "ые", "ие", "ый", "ий", "ой", "ей", "ую", "юю", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ым",
         "им", "а", "я", "о", "е", "и", "ы", "у", "ю", "ь", "й"],
    kk: ["ның", "нің", "дың", "дің", "тың", "тің", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен",
         "пен", "ға", "ге", "қа", "ке", "да", "де", "та", "те", "ды", "ді", "ты", "ті", "ны", "ні", "а", "е",
         "ә", "ы", "і", "о", "ө", "у", "ұ", "ү", "и"],
    en: ["ing", "ies", "es", "ed", "s", "e", "y"]
  };
  var SHORTEST = 3;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var base = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var words = config.translations;
  var toggle = document.getElementById("__search");
  var form = document.querySelector(".md-search__form");
  var query = form.querySelector(".md-search__input");
  var meta = document.querySelector(".md-search-result__meta");
  var list = document.querySelector(".md-search-result__list");
  var endings = ENDINGS[document.documentElement.lang] || [];
  var tablet = matchMedia("(min-width: 60em)");
  var docs = null;

  // The index holds HTML: its paragraphs' text, parsed in a document that runs and loads nothing.
  function paragraphs(html) {
    var body = new DOMParser().parseFromString(html, "text/html").body;
    return [].map.call(body.children.length ? body.children : [body], function (block) {
      return block.textContent.replace(/\s+/g, " ").trim();
    }).filter(Boolean);
  }

  function stem(word) {
    var ending = endings.filter(function (end) {
      return word.length - end.length >= SHORTEST && word.slice(-end.length) === end;
    })[0];
    return ending ? word.slice(0, -ending.length) : word;
  }

  function pattern(stems) {
    var escaped = stems.map(function (part) {
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[её]/g, "[её]");
    });
    return new RegExp("(^|[^\\p{L}\\p{N}])((?:" + escaped.join("|") + ")[\\p{L}\\p{N}]*)", "giu");
  }

  function count(regex, value) {
    return (value.match(regex) || []).length;
  }

  // Every section holding every word, best first: a word in the title counts most.
  function find(stems) {
    var each = stems.map(function (part) { return pattern([part]); });
    return docs.map(function (doc) {
      var score = 0;
      for (var index = 0; index < each.length; index++) {
        var hits = 10 * count(each[index], doc.title) + Math.min(5, count(each[index], doc.text));
        if (!hits) return null;
        score += hits;
      }
      return {doc: doc, score: score};
    }).filter(Boolean).sort(function (a, b) { return b.score - a.score; });
  }

  function marked(tag, value, marks) {
    var element = document.createElement(tag), last = 0, match;
    marks.lastIndex = 0;
    while ((match = marks.exec(value))) {
      var start = match.index + match[1].length;
      element.append(value.slice(last, start));
      var mark = document.createElement("mark");
      mark.textContent = match[2];
      element.append(mark);
      last = marks.lastIndex;
    }
    element.append(value.slice(last));
    return element;
  }

  // The part of a long paragraph around its first match.
  function excerpt(value, marks) {
    marks.lastIndex = 0;
    var match = marks.exec(value), at = match ? match.index : 0;
    var start = at > 60 ? value.indexOf(" ", at - 60) + 1 : 0;
    var end = start + 240 < value.length ? value.lastIndexOf(" ", start + 240) : value.length;
    return (start ? "… " : "") + value.slice(start, end) + (end < value.length ? " …" : "");
  }

  // The paragraphs that hold a match (the first one if only the title does), as in Material.
  function teaser(doc, marks) {
    var shown = doc.paragraphs.filter(function (paragraph) { return count(marks, paragraph); });
    return (shown.length ? shown.slice(0, 3) : doc.paragraphs.slice(0, 1)).map(function (paragraph) {
      return marked("p", excerpt(paragraph, marks), marks);
    });
  }

  function article(doc, marks, parent, teased) {
    var link = document.createElement("a");
    link.href = doc.url.href;
    link.className = "md-search-result__link";
    link.tabIndex = -1;
    var body = document.createElement("article");
    body.className = "md-search-result__article md-typeset";
    if (parent) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      body.append(icon);
    }
    body.append(marked(parent ? "h1" : "h2", doc.title, marks));
    if (teased) body.append.apply(body, teaser(doc, marks));
    link.append(body);
    return link;
  }

  // One item per page: the page, its best sections, the others folded (Material's search result).
  function item(page, found, marks) {
    var element = document.createElement("li");
    element.className = "md-search-result__item";
    var sections = found.filter(function (each) { return each.doc !== page; });
    var best = sections.filter(function (each) { return each.score === sections[0].score; });
    element.append(article(page, marks, true, sections.length < found.length));
    best.forEach(function (each) { element.append(article(each.doc, marks, false, true)); });
    var more = sections.slice(best.length);
    if (more.length) {
      var details = document.createElement("details");
      details.className = "md-search-result__more";
      var summary = document.createElement("summary");
      summary.tabIndex = -1;
      var label = document.createElement("div");
      label.textContent = more.length === 1 ? words["search.result.more.one"]
        : words["search.result.more.other"].replace("#", more.length);
      summary.append(label);
      details.append(summary);
      more.forEach(function (each) { details.append(article(each.doc, marks, false, true)); });
      element.append(details);
    }
    return element;
  }

  var first = null, shown = null;
  function show() {
    var value = query.value.trim();
    if (!docs || value === shown) return;
    shown = value;
    var stems = (value.toLowerCase().replace(/ё/g, "е").match(/[\p{L}\p{N}]+/gu) || []).map(stem);
    var found = stems.length ? find(stems) : [], pages = [];
    found.forEach(function (each) {
      if (pages.indexOf(each.doc.page) < 0) pages.push(each.doc.page);
    });
    list.replaceChildren.apply(list, pages.map(function (page) {
      return item(page, found.filter(function (each) { return each.doc.page === page; }), pattern(stems));
    }));
    first = found.length ? [].filter.call(list.querySelectorAll("[href]"), function (link) {
      return link.href === found[0].doc.url.href;
    })[0] : null;
    meta.textContent = !pages.length ? words[value ? "search.result.none" : "search.result.placeholder"]
      : pages.length === 1 ? words["search.result.one"] : words["search.result.other"].replace("#", pages.length);
  }

  // Sections are grouped by page: the entry without a fragment is the page itself.
  function load(index) {
    var pages = {};
    docs = index.docs.map(function (entry) {
      var text = paragraphs(entry.text);
      return {url: new URL(entry.location, base), title: paragraphs(entry.title).join(" "), paragraphs: text,
              text: text.join(" ")};
    }).filter(function (doc) { return doc.url.origin === location.origin; });
    docs.forEach(function (doc) { if (!doc.url.hash) pages[doc.url.pathname] = doc; });
    docs.forEach(function (doc) { doc.page = pages[doc.url.pathname] || doc; });
    show();
  }

  // Keys while the search is open, as in Material: Enter opens the best result, the arrows move
  // through the results, any other key types in the field (Escape and Tab close the search:
  // theme.js, which opens it).
  addEventListener("keydown", function (event) {
    if (!toggle.checked || event.metaKey || event.ctrlKey || event.key === "Escape" || event.key === "Tab") return;
    var active = document.activeElement;
    if (event.key === "Enter" && active === query) {
      event.preventDefault();
      if (first) first.click();
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      var stops = [query].concat([].slice.call(
        list.querySelectorAll(":not(details) > [href], summary, details[open] [href]")));
      var at = Math.max(0, stops.indexOf(active));
      stops[(at + stops.length + (event.key === "ArrowUp" ? -1 : 1)) % stops.length].focus();
    } else if (active !== query) {
      query.focus();
    }
  });

  // While the search is open on a phone it covers the page, which stays where it was, and goes
  // back there when the search closes; unless a result was chosen: then the page goes to it.
  var locked = 0;
  function lock() {
    locked = scrollY;
    document.body.setAttribute("data-md-scrolllock", "");
    document.body.style.top = -locked + "px";
  }
  function unlock(back) {
    if (!document.body.hasAttribute("data-md-scrolllock")) return;
    document.body.removeAttribute("data-md-scrolllock");
    document.body.style.top = "";
    if (back) scrollTo(0, locked);
  }
  function opened() {
    list.hidden = !toggle.checked;
    list.setAttribute("role", toggle.checked ? "list" : "presentation");
    var on = toggle.checked && !tablet.matches;
    setTimeout(function () {
      if (on !== (toggle.checked && !tablet.matches)) return;
      if (on) lock();
      else unlock(true);
    }, on ? 400 : 100);
  }
  toggle.addEventListener("change", opened);
  opened();

  query.addEventListener("input", show);
  query.addEventListener("keyup", show);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { show(); query.focus(); });
  });
  list.addEventListener("click", function (event) {
    if (!event.target.closest("a")) return;
    unlock(false);
    if (toggle.checked) toggle.click();
  });

  fetch(new URL("search/search_index.json", base)).then(function (response) {
    return response.json();
  }).then(load);
})();
