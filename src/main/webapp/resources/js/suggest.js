/*
 * Type-ahead for the keyword box: asks /api/v1/suggest (readings included: ひか → 光が丘) and fills
 * the input's native <datalist>, which browsers and screen readers already know how to present.
 * Without JavaScript the box is an ordinary search field.
 */
(function () {
    'use strict';
    var input = document.getElementById('q');
    var list = document.getElementById('q-suggestions');
    if (!input || !list || !window.fetch) {
        return;
    }
    var api = input.dataset.suggest;
    var timer = null;
    var last = '';
    input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
            var prefix = input.value.trim();
            if (prefix === last || prefix.length === 0 || prefix.length > 50) {
                return;
            }
            last = prefix;
            fetch(api + '?q=' + encodeURIComponent(prefix), { headers: { 'Accept': 'application/json' } })
                .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
                .then(function (body) {
                    while (list.firstChild) {
                        list.removeChild(list.firstChild);
                    }
                    (body.suggestions || []).forEach(function (s) {
                        var option = document.createElement('option');
                        option.value = s.text;
                        list.appendChild(option);
                    });
                })
                .catch(function () { /* suggestions are an extra */ });
        }, 150);
    });
}());
