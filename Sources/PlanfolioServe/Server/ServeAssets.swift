/// The two files only `planfolio serve` serves, under `/__planfolio/`: never
/// part of a built site, and loaded as files (never inline), so the site's
/// Content-Security-Policy (`script-src 'self'`, `style-src 'self'`) allows them.
enum ServeAssets {
    static let prefix = "/__planfolio/"
    static let reloadScriptPath = "/__planfolio/reload.js"
    static let stylesheetPath = "/__planfolio/serve.css"
    static let eventsPath = "/__planfolio/events"

    /// Listens for the server's events and reloads the page when a rebuild
    /// changed it (or its banner). `data-generation` is the build the page
    /// was served from, so a rebuild between serving it and connecting is not
    /// missed. `data-planfolio-serve="connected"` on `<html>` says it listens.
    static let reloadScript = #"""
    // planfolio serve: reload this page when a rebuild changes it (docs/serve.md).
    (function () {
      "use strict";
      if (typeof EventSource === "undefined") { return; }
      var script = document.currentScript;
      var since = (script && script.getAttribute("data-generation")) || "0";
      var url = "/__planfolio/events?page=" + encodeURIComponent(location.pathname) +
        "&since=" + encodeURIComponent(since);
      var source = new EventSource(url);
      source.addEventListener("open", function () {
        document.documentElement.setAttribute("data-planfolio-serve", "connected");
      });
      source.addEventListener("reload", function () {
        source.close();
        location.reload();
      });
    })();

    """#

    /// The diagnostics banner, in the light and the dark scheme.
    static let stylesheet = #"""
    /* planfolio serve: the diagnostics banner (docs/serve.md). */
    .pf-serve-banner {
      margin: 0 0 1.5rem;
      padding: 0.75rem 1rem;
      border: 2px solid #b45309;
      border-left-width: 0.5rem;
      border-radius: 4px;
      background: #fffbeb;
      color: #1f2937;
      font-size: 0.95rem;
    }
    .pf-serve-banner-error { border-color: #b91c1c; background: #fef2f2; }
    .pf-serve-banner-title { margin: 0 0 0.5rem; font-weight: 700; }
    .pf-serve-banner ul { margin: 0; padding-left: 1.25rem; }
    .pf-serve-banner li { margin: 0.25rem 0; }
    .pf-serve-banner code { white-space: pre-wrap; word-break: break-word; font-size: 0.9em; }
    @media (prefers-color-scheme: dark) {
      .pf-serve-banner { background: #2b2110; color: #f3f4f6; border-color: #f59e0b; }
      .pf-serve-banner-error { background: #2d1414; border-color: #f87171; }
    }
    @media print { .pf-serve-banner { display: none; } }

    """#
}
