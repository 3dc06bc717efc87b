// Comptoir — search-as-you-type on /products. Without this script the filter
// form still works: it is a plain GET form.
(function () {
  'use strict';

  var input = document.getElementById('product-search');
  var table = document.getElementById('product-results');
  if (!input || !input.form || !table || !table.tBodies.length) {
    return;
  }
  var form = input.form;
  var tbody = table.tBodies[0];
  var DEBOUNCE_MS = 120;
  var timer = null;
  // Each request takes a number; only the answer to the latest one is shown.
  // `shown` is the number of the request whose rows are on screen (0: the
  // server's own rows, which answer what the page was opened with).
  var latest = 0;
  var shown = 0;

  function query() {
    return new URLSearchParams(new FormData(form)).toString();
  }

  // Fetches the rows for the current filters; resolves to false when the answer
  // was stale or failed, so that Enter does not act on old rows.
  function refresh() {
    window.clearTimeout(timer);
    timer = null;
    var mine = ++latest;
    var params = query();
    return fetch('/products/search?' + params, {
      headers: { Accept: 'text/html' },
      credentials: 'same-origin'
    })
      .then(function (response) {
        if (response.redirected || !response.ok) {
          // Signed out or refused: let the full page say why.
          if (mine === latest) {
            form.submit();
          }
          return false;
        }
        return response.text().then(function (html) {
          if (mine !== latest) {
            return false;
          }
          tbody.innerHTML = html;
          shown = mine;
          // Keep the address in step, so reloading or going back keeps the filters.
          window.history.replaceState(null, '', form.action + '?' + params);
          return true;
        });
      })
      .catch(function () {
        return false;
      });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, DEBOUNCE_MS);
  }

  // A barcode scanner types the digits then Enter: with exactly one product
  // found, open it.
  function openSingle() {
    var rows = tbody.querySelectorAll('tr[data-product-id]');
    if (rows.length !== 1) {
      return;
    }
    var link = rows[0].querySelector('a[href]');
    if (link) {
      window.location.href = link.href;
    }
  }

  input.addEventListener('input', later);
  form.addEventListener('change', function (event) {
    if (event.target !== input) {
      refresh();
    }
  });
  input.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || event.isComposing) {
      return;
    }
    event.preventDefault();
    if (timer === null && shown === latest) {
      // The rows on screen already answer what is typed.
      openSingle();
      return;
    }
    refresh().then(function (fresh) {
      if (fresh) {
        openSingle();
      }
    });
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    refresh();
  });
})();
