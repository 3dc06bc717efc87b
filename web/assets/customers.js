// Comptoir — search-as-you-type on /customers. Without this script the search
// form still works: it is a plain GET form.
(function () {
  'use strict';

  var input = document.getElementById('customer-search');
  var table = document.getElementById('customer-results');
  if (!input || !input.form || !table || !table.tBodies.length) {
    return;
  }
  var form = input.form;
  var tbody = table.tBodies[0];
  var timer = null;
  // Only the answer to the latest request is shown.
  var latest = 0;

  function refresh() {
    window.clearTimeout(timer);
    timer = null;
    var mine = ++latest;
    var params = new URLSearchParams(new FormData(form)).toString();
    return fetch('/customers/search?' + params, {
      headers: { Accept: 'text/html' },
      credentials: 'same-origin'
    })
      .then(function (response) {
        if (response.redirected || !response.ok) {
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
          window.history.replaceState(null, '', form.action + '?' + params);
          return true;
        });
      })
      .catch(function () {
        return false;
      });
  }

  // A scanned card types its digits then Enter: with one customer found, open them.
  function openSingle() {
    var rows = tbody.querySelectorAll('tr[data-customer-id]');
    var link = rows.length === 1 ? rows[0].querySelector('a[href]') : null;
    if (link) {
      window.location.href = link.href;
    }
  }

  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 150);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || event.isComposing) {
      return;
    }
    event.preventDefault();
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
