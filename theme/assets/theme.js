// What the pages need of Material's bundle.js, which they do not load (35 KB gzip for every feature
// Material has): the sidebars and the header follow the scroll as Material's do, the table of
// contents marks the section being read (toc.follow), a jump to an anchor closes the drawer and
// the search, and the search (search.js, with its index) loads when the visitor first opens it.
// And the keyboard: the drawer, the search and the language menu open from buttons that say whether
// they are open, Escape closes them and gives the focus back to their button. The colour scheme
// chosen with the header's switch is remembered for the next pages.
// Deferred: it runs once the page is parsed. Without JavaScript the pages work as before: the
// drawer is a CSS toggle, the language switcher a menu that opens on hover and focus, the scheme's
// switch a checkbox (policy.css), and the search is not shown.
(function () {
  var header = document.querySelector(".md-header");
  var main = document.querySelector(".md-main");
  var title = document.querySelector("[data-md-component=header-title]");
  var heading = document.querySelector(".md-content h1");
  var search = new URL("search.js", document.currentScript.src);
  var tablet = matchMedia("(min-width: 60em)");

  // Material's media queries for the sidebars: the navigation beside the text from 76.25em, the
  // table of contents from 60em; below them each is part of the drawer.
  var sidebars = [].map.call(document.querySelectorAll(".md-sidebar"), function (sidebar) {
    var navigation = sidebar.getAttribute("data-md-type") === "navigation";
    return {element: sidebar, inner: sidebar.querySelector(".md-sidebar__scrollwrap"),
            media: matchMedia(navigation ? "(min-width: 76.25em)" : "(min-width: 60em)")};
  });
  var tocs = [].map.call(document.querySelectorAll("[data-md-component=toc]"), function (toc) {
    var links = [].filter.call(toc.querySelectorAll(".md-nav__link"), function (link) {
      return document.getElementById(decodeURIComponent(link.hash.slice(1)));
    });
    return {links: links, active: null};
  });

  function pageTop(element) {
    return element.getBoundingClientRect().top + scrollY;
  }

  // Each sidebar's scrolling area is as tall as the part of the main area in view (Material's
  // mountSidebar), so a long table of contents scrolls on its own and stops above the footer.
  function fitSidebars() {
    var offset = header.offsetHeight, top = main.offsetTop, bottom = top + main.offsetHeight;
    var visible = Math.max(0, innerHeight - Math.max(0, top - scrollY, offset)
                           - Math.max(0, innerHeight + scrollY - bottom));
    sidebars.forEach(function (sidebar) {
      if (!sidebar.media.matches) {
        sidebar.inner.style.height = sidebar.element.style.top = "";
        return;
      }
      var grid = sidebar.element.closest(".md-grid");
      var adjust = grid.offsetTop - grid.parentElement.offsetTop;
      var height = visible + Math.min(adjust, Math.max(0, scrollY - (top - offset))) - adjust;
      sidebar.inner.style.height = height - 2 * sidebar.inner.offsetTop + "px";
      sidebar.element.style.top = offset + "px";
    });
  }

  // The header shows the page's title once its first heading has scrolled under the header.
  function swapTitle() {
    if (!heading) return;
    var height = heading.offsetHeight;
    title.classList.toggle("md-header__title--active",
                           height > 0 && heading.getBoundingClientRect().bottom <= header.offsetHeight);
  }

  // The sections scrolled past are "passed", the last of them "active", and the table of
  // contents scrolls to keep it in view (Material's mountTableOfContents with toc.follow).
  function markSections() {
    var grid = main.firstElementChild;
    var adjust = header.offsetHeight + 0.8 * (grid.offsetTop - main.offsetTop);
    var end = scrollY + innerHeight >= Math.floor(document.body.offsetHeight);
    tocs.forEach(function (toc) {
      var passed = toc.links.filter(function (link) {
        var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        return end || pageTop(target) - adjust < scrollY;
      });
      var active = passed[passed.length - 1] || null;
      toc.links.forEach(function (link) {
        link.classList.toggle("md-nav__link--passed", passed.indexOf(link) >= 0);
        link.classList.toggle("md-nav__link--active", link === active);
      });
      if (active === toc.active) return;
      toc.active = active;
      var container = active && active.offsetHeight && active.closest(".md-sidebar__scrollwrap");
      if (container) container.scrollTo({top: active.offsetTop - container.offsetTop - container.offsetHeight / 2});
    });
  }

  // As in Material, the header and the table of contents change in the scroll event itself,
  // before the browser paints; the sidebars' heights once a frame.
  var pending = false;
  function follow() {
    swapTitle();
    markSections();
    if (!pending) requestAnimationFrame(function () {
      pending = false;
      fitSidebars();
    });
    pending = true;
  }
  addEventListener("scroll", follow, {passive: true});
  addEventListener("resize", follow);
  addEventListener("load", follow);
  fitSidebars();
  swapTitle();
  markSections();

  // The drawer and the search are Material's CSS toggles (checkboxes). Clicking one (not setting
  // `checked`) fires its change event, which Material's code and this one follow; each button says
  // whether what it opens is open.
  function toggle(id, on) {
    var input = document.getElementById(id);
    if (input && input.checked !== on) input.click();
  }
  function opener(id) {
    return document.querySelector("[data-md-toggle-for=" + id + "]");
  }
  ["__drawer", "__search"].forEach(function (id) {
    var input = document.getElementById(id), button = opener(id);
    if (!input || !button) return;
    input.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(input.checked));
    });
  });
  addEventListener("hashchange", function () {
    setTimeout(function () {
      toggle("__drawer", false);
      toggle("__search", false);
    }, 125);
  });

  // The drawer (below 76.25em): its button opens it and moves the focus to its first link; the
  // focus leaving it closes it. Where the browser lacks `@media (scripting)`, the label that opens
  // it without JavaScript is hidden here.
  var drawer = document.querySelector(".md-sidebar--primary");
  var drawerButton = opener("__drawer");
  document.querySelector(".md-header__button[for=__drawer]").hidden = true;
  drawerButton.addEventListener("click", function () {
    toggle("__drawer", !document.getElementById("__drawer").checked);
    var first = drawer && drawer.querySelector("a[href]");
    if (first && document.getElementById("__drawer").checked) first.focus();
  });
  if (drawer) drawer.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !drawer.contains(event.relatedTarget) && event.relatedTarget !== drawerButton)
      toggle("__drawer", false);
  });

  // The language menu: its button opens and closes it, the arrow keys move through it, and the
  // focus leaving it closes it; it still opens under the pointer (policy.css).
  var select = document.querySelector(".md-select");
  var languages = select && select.querySelector("button");
  function showLanguages(on) {
    if (languages) languages.setAttribute("aria-expanded", String(on));
  }
  function languagesShown() {
    return languages && languages.getAttribute("aria-expanded") === "true";
  }
  if (languages) {
    showLanguages(false);
    languages.addEventListener("click", function () { showLanguages(!languagesShown()); });
    select.addEventListener("focusin", function (event) { if (event.target !== languages) showLanguages(true); });
    select.addEventListener("focusout", function (event) {
      if (!select.contains(event.relatedTarget)) showLanguages(false);
    });
    document.addEventListener("click", function (event) {
      if (!select.contains(event.target)) showLanguages(false);
    });
    select.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      event.preventDefault();
      showLanguages(true);
      var links = [].slice.call(select.querySelectorAll("a[href]"));
      var at = links.indexOf(document.activeElement);
      var next = at < 0 ? (event.key === "ArrowDown" ? 0 : links.length - 1)
        : (at + links.length + (event.key === "ArrowUp" ? -1 : 1)) % links.length;
      links[next].focus();
    });
  }

  // Escape closes what is open and gives the focus back to what opened it: a button, or on a wider
  // screen the search's field. On a phone the search covers the page, so Tab closes it too (on a
  // wider screen Tab leaves the field, and the search's results close behind it).
  var returning = false;
  addEventListener("keydown", function (event) {
    var searching = document.getElementById("__search");
    if (searching && searching.checked && (event.key === "Escape" || event.key === "Tab")) {
      var inside = document.querySelector(".md-search").contains(document.activeElement);
      toggle("__search", false);
      if (!tablet.matches) {
        event.preventDefault();
        opener("__search").focus();
      } else if (event.key === "Escape" && inside) {
        returning = true;
        document.querySelector(".md-search__input").focus();
        returning = false;
      }
    } else if (event.key === "Escape" && document.getElementById("__drawer").checked) {
      toggle("__drawer", false);
      drawerButton.focus();
    } else if (event.key === "Escape" && languagesShown()) {
      showLanguages(false);
      languages.focus();
    }
  });

  // The colour scheme: the header's switch (a checkbox, partials/scheme.html) turns the system's
  // scheme into the other one; the choice is kept for the next pages, and dropped when the
  // switch is turned off again (the site then follows the system).
  var system = matchMedia("(prefers-color-scheme: dark)");
  function remembered() {
    try { return localStorage.getItem("policy-scheme"); } catch (e) { return null; }
  }
  function applyScheme() {
    var wanted = remembered(), current = system.matches ? "dark" : "light";
    ["dark", "light"].forEach(function (scheme) {
      var box = document.getElementById("__" + scheme);
      if (box) box.checked = scheme === wanted && scheme !== current;
    });
  }
  document.addEventListener("change", function (event) {
    var scheme = {__dark: "dark", __light: "light"}[event.target.id];
    if (!scheme) return;
    try {
      if (event.target.checked) localStorage.setItem("policy-scheme", scheme);
      else localStorage.removeItem("policy-scheme");
    } catch (e) { /* storage off: the choice lasts for this page */ }
  });
  system.addEventListener("change", applyScheme);
  addEventListener("pageshow", applyScheme);
  applyScheme();

  // The search: its script loads when it first opens, on the focus of its field (wider screens)
  // or from its button (phones), and with "/", "s" or "f". Typing in the field opens it again.
  var query = document.querySelector(".md-search__input");
  if (!query) return;
  var loaded = false;
  function openSearch() {
    toggle("__search", true);
    if (loaded) return;
    loaded = true;
    var script = document.createElement("script");
    script.src = search.href;
    document.body.appendChild(script);
  }
  query.addEventListener("focus", function () {
    if (!returning) openSearch();
  });
  query.addEventListener("input", openSearch);
  opener("__search").addEventListener("click", function () {
    openSearch();
    query.focus();
  });
  addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.metaKey || event.ctrlKey || event.altKey || document.getElementById("__search").checked) return;
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      openSearch();
      query.focus();
      query.select();
    }
  });
})();
