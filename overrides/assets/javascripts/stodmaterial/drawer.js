/* Stödmaterial: Material's navigation drawer (below 1220 px), usable by keyboard and screen reader.
 *
 * - The menu button: Material opens the drawer with a bare <label>, which the keyboard cannot reach;
 *   the button in partials/header.html takes its place. Escape and a "Close the menu" button close it.
 * - While the open drawer covers the page, everything under it is inert.
 * - The drawer's nested lists: Material slides each section (and, on a phone, the page's table of
 *   contents) in as a panel over the list it belongs to. Only the panel in sight takes the focus and is
 *   read; the labels that open a panel and the panel's title that leads back are buttons.
 *
 * Classic script (no ES modules over file://), no inline handlers, no eval.
 */
(function () {
  "use strict";

  /* The texts for the page's language, from stodmaterial/strings.py (strings.js, see dom.js). */
  var TEXT = window.smDom.texts();

  /* Material's own break points: from 1220 px on the navigation is a sidebar and the sections are lists;
     from 960 px on the page's table of contents is a sidebar of its own, not a list in the drawer. */
  var WIDE = "(min-width: 76.25em)";
  var TOC_ASIDE = "(min-width: 60em)";

  /* What was made inert here, so that only that is released (the page may make other things inert). */
  function inertMarks() {
    var made = [];
    return {
      add: function (element) {
        if (element.inert) return;
        element.inert = true;
        made.push(element);
      },
      release: function () {
        made.forEach(function (element) { element.inert = false; });
        made = [];
      },
    };
  }

  /* Each sibling of `node` and of each of its ancestors, up to (not including) `top`'s children. */
  function eachSiblingUpTo(node, top, call) {
    for (; node !== top && node.parentElement; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling !== node) call(sibling);
      });
    }
  }

  /* -- Cover the page while the drawer is open ---------------------------------------------------- */

  /* While the open drawer covers the page (below 1220 px, where Material's overlay lies over the rest),
     everything under it is inert: no focus stop hides behind the drawer and screen readers read the
     drawer alone. What stays reachable: the drawer; a "Close the menu" button before it, shown when it
     has the focus as a skip link is (the menu button is under the drawer, and a screen reader on a phone
     has no Escape key); the quick exit's skip link, shown above the drawer when it has the focus, and its
     status text (Shift three times works everywhere). Only what this made inert is released. */
  function coverWhileOpen(drawer, closeDrawer) {
    var panel = document.querySelector(".md-sidebar--primary");
    if (!panel) return function () {};
    var wide = window.matchMedia(WIDE);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "sm-drawer-close";
    close.textContent = TEXT.menuClose;
    close.hidden = true;
    panel.parentNode.insertBefore(close, panel);
    close.addEventListener("click", closeDrawer);
    var reachable = [panel, close, document.querySelector(".sm-quick-exit-skip"),
      document.querySelector("[data-sm-quick-exit-status]")].filter(Boolean);
    var inert = inertMarks();
    function holdsReachable(element) {
      return reachable.some(function (kept) { return element.contains(kept); });
    }
    function cover() {
      close.hidden = false;
      reachable.forEach(function (kept) {
        eachSiblingUpTo(kept, document.body, function (sibling) {
          // Material's toggles and overlay stay: a tap on the overlay closes the drawer.
          if (!holdsReachable(sibling) && !sibling.matches(".md-toggle, .md-overlay, script")) inert.add(sibling);
        });
      });
    }
    function release() {
      close.hidden = true;
      inert.release();
    }
    function sync() {
      var covering = drawer.checked && !wide.matches;
      if (covering && close.hidden) cover();
      else if (!covering && !close.hidden) release();
    }
    if (wide.addEventListener) wide.addEventListener("change", sync);
    return sync;
  }

  /* -- The drawer's nested lists ----------------------------------------------------------------- */

  /* Below 1220 px Material shows one list at a time: a section's list (and, on a phone, the page's
     table of contents) slides in over the list it belongs to, and the panel's title leads back. Material
     leaves every hidden list in the tab order (the focus then lands on links no one sees, and the
     drawer scrolls sideways to them) and gives a section's label no tabindex (the keyboard cannot open
     it). Here the list in sight is the only one reachable: the rest of the navigation is inert; the
     labels that open a list in it, and its title, hold a button (a <label> may not be one): Enter,
     Space or a tap toggles the label's checkbox, as a tap on the label does. When a list opens or
     closes, the focus goes to its title or back to the button that opened it. The list in sight is
     worked out again whenever it may have changed without a toggle's change event: the drawer opens
     (the browser restores the toggles of a page one comes back to), or the width crosses 960 or 1220 px.
     From 1220 px on the buttons are plain text again and nothing is inert. */
  function drawerPanels() {
    var root = document.querySelector(".md-sidebar--primary .md-nav--primary");
    if (!root) return { sync: function () {}, first: function () { return null; } };
    var wide = window.matchMedia(WIDE);
    var inert = inertMarks();
    var changed = [];
    var shown = root;

    function panelOf(item) {
      var toggle = item.querySelector(":scope > .md-nav__toggle");
      var panel = item.querySelector(":scope > nav.md-nav");
      // A list Material does not show at this width (the table of contents from 960 px on) is no panel.
      return toggle && panel && panel.getClientRects().length ? { toggle: toggle, panel: panel } : null;
    }
    function itemsOf(nav) {
      var list = nav.querySelector(":scope > .md-nav__list");
      return list ? Array.prototype.slice.call(list.children) : [];
    }
    /* The label's content in a <span>, once: the part that becomes a button below 1220 px. */
    function buttonIn(label) {
      var inner = label.querySelector(":scope > .sm-nav-button");
      if (inner) return inner;
      inner = document.createElement("span");
      inner.className = "sm-nav-button";
      while (label.firstChild) inner.appendChild(label.firstChild);
      label.appendChild(inner);
      return inner;
    }
    /* The list in sight: the deepest one whose toggle is checked, from the top. */
    function inSight() {
      var nav = root;
      for (;;) {
        var open = null;
        itemsOf(nav).forEach(function (item) {
          var found = panelOf(item);
          if (found && found.toggle.checked) open = found.panel;
        });
        if (!open) return nav;
        nav = open;
      }
    }
    /* An attribute changed (or, with null, removed) until release() puts the old value back. */
    function set(element, name, value) {
      changed.push([element, name, element.getAttribute(name)]);
      if (value === null) element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
    function makeInert(element) {
      if (!element.matches(".md-nav__toggle")) inert.add(element);
    }
    function release() {
      inert.release();
      changed.reverse().forEach(function (entry) {
        if (entry[2] === null) entry[0].removeAttribute(entry[1]);
        else entry[0].setAttribute(entry[1], entry[2]);
      });
      changed = [];
    }
    function asButton(label, attributes) {
      var inner = buttonIn(label);
      set(inner, "role", "button");
      set(inner, "tabindex", "0");
      Object.keys(attributes).forEach(function (name) { set(inner, name, attributes[name]); });
    }
    function apply(nav) {
      // Everything beside the way from the top down to the list in sight lies under it.
      eachSiblingUpTo(nav, root, makeInert);
      // In the list: each closed list is out of sight, and the label that opens it holds a button.
      itemsOf(nav).forEach(function (item) {
        var found = panelOf(item);
        if (!found) return;
        makeInert(found.panel);
        var opener = item.querySelector(':scope > label.md-nav__link[for="' + CSS.escape(found.toggle.id) + '"]');
        if (opener) asButton(opener, { "aria-expanded": "false" });
      });
      var title = nav === root ? null : nav.querySelector(":scope > label.md-nav__title");
      if (!title) return;
      var name = title.textContent.trim();
      asButton(title, { "aria-label": window.smDom.format(TEXT.menuBack, { title: name }) });
      // Material names the list by its opening label, now inert (and so no name at all): by its title.
      set(nav, "aria-labelledby", null);
      set(nav, "aria-label", name);
    }
    /* The item of `nav`'s own list that holds `element`. */
    function itemHolding(nav, element) {
      var list = nav.querySelector(":scope > .md-nav__list");
      for (var node = element; node && node !== nav; node = node.parentElement) {
        if (node.parentElement === list) return node;
      }
      return null;
    }
    function firstStop(nav) {
      return Array.prototype.filter.call(nav.querySelectorAll('a[href], [role="button"]'), function (element) {
        return !element.closest("[inert]") && element.getClientRects().length;
      })[0] || null;
    }
    /* `resized`: called in a media query's change event, where Chromium 156 crashed when the focus moved
       (right after the page had asked for computed styles): the focus then moves in a task of its own. */
    function sync(resized) {
      var before = shown;
      var focused = root.contains(document.activeElement) ? document.activeElement : null;
      release();
      shown = wide.matches ? root : inSight();
      if (wide.matches) {
        // A button that is plain text again keeps no focus: the first link of its list takes it.
        if (focused && focused.matches(".sm-nav-button")) moveFocus(focused.closest("li, nav").querySelector("a[href]"), resized);
        return;
      }
      apply(shown);
      if (!focused || (!focused.closest("[inert]") && focused.getClientRects().length)) return;
      // The focus was on what just went out of sight: to the new list's title, or back to the button
      // (or, where the list is no longer one, the link) that opened the list just left. Not scrolled:
      // the lists slide in sideways.
      var left = before !== shown && shown.contains(before) ? itemHolding(shown, before) : null;
      var target = (left && (left.querySelector(":scope > label.md-nav__link > [role=button]") ||
        left.querySelector(":scope > a[href]"))) || firstStop(shown);
      moveFocus(target, resized);
    }
    function moveFocus(target, later) {
      if (!target) return;
      if (later) window.setTimeout(function () { target.focus({ preventScroll: true }); }, 0);
      else target.focus({ preventScroll: true });
    }
    function press(event) {
      var inner = event.target.closest ? event.target.closest(".sm-nav-button[role=button]") : null;
      if (!inner) return;
      // The checkbox itself, once: the label's own activation would toggle it a second time.
      event.preventDefault();
      var toggle = document.getElementById(inner.parentElement.htmlFor);
      if (toggle) toggle.click();
    }
    root.addEventListener("click", press);
    root.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") press(event);
    });
    root.addEventListener("change", function (event) {
      if (event.target.matches(".md-nav__toggle")) sync();
    });
    [wide, window.matchMedia(TOC_ASIDE)].forEach(function (query) {
      if (query.addEventListener) query.addEventListener("change", function () { sync(true); });
    });
    sync();
    return { sync: sync, first: function () { return firstStop(shown); } };
  }

  /* -- The menu button --------------------------------------------------------------------------- */

  /* Material opens the drawer with a bare <label>, which the keyboard cannot reach. The button in
     partials/header.html takes its place; Escape closes the drawer and gives the focus back. */
  function menuButton(panels) {
    var button = document.querySelector("[data-sm-menu-button]");
    var label = document.querySelector(".sm-menu-label");
    var drawer = document.getElementById("__drawer");
    if (!button || !label || !drawer) return;
    label.hidden = true;
    button.hidden = false;
    // The toggle itself, not the label: the label is in the header, inert while the drawer is open.
    // A click on the toggle (or its label) fires its change event at once, which syncs.
    function closeDrawer() {
      if (drawer.checked) drawer.click();
      button.focus();
    }
    var syncCover = coverWhileOpen(drawer, closeDrawer);
    function sync() {
      button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
      syncCover();
      if (drawer.checked) panels.sync();
    }
    button.addEventListener("click", function () {
      label.click();
      if (drawer.checked) {
        var first = panels.first();
        if (first) first.focus({ preventScroll: true });
      }
    });
    drawer.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) closeDrawer();
    });
    // Material's search keys (f, s, /) focus the search field, which lies in the header, inert while
    // the drawer covers the page: the drawer closes first (before Material's own handler, on window).
    window.addEventListener("keydown", function (event) {
      if (!drawer.checked || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key !== "f" && event.key !== "s" && event.key !== "/") return;
      if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) return;
      closeDrawer();
    }, true);
  }

  function start() {
    menuButton(drawerPanels());
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
