/*
 * 通報ボード: re-reads the page every few seconds and swaps the board in place, so new alerts and
 * countdowns appear without a reload. New alerts are announced once to screen readers and in the
 * tab title. Nothing is built from text: the server's own HTML replaces the old block.
 */
(function () {
    'use strict';
    var board = document.getElementById('board');
    var news = document.getElementById('board-news');
    if (!board || !window.fetch || !window.DOMParser) {
        return;
    }
    var seconds = parseInt(board.dataset.refresh, 10) || 10;
    var title = document.title;
    function ids(root) {
        var found = {};
        root.querySelectorAll('[data-alert]').forEach(function (row) { found[row.dataset.alert] = true; });
        return found;
    }
    var known = ids(board);
    function refresh() {
        fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
            .then(function (response) {
                if (!response.ok || response.redirected) {
                    throw new Error('board not refreshed');
                }
                return response.text();
            })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('board');
                if (!fresh) {
                    return;
                }
                var now = ids(fresh), added = 0;
                Object.keys(now).forEach(function (id) { if (!known[id]) { added++; } });
                board.replaceChildren.apply(board, Array.prototype.slice.call(fresh.childNodes).map(function (n) {
                    return document.importNode(n, true);
                }));
                if (added > 0) {
                    news.textContent = news.dataset.new.replace('{0}', added);
                    document.title = '(' + added + ') ' + title;
                    Object.keys(now).forEach(function (id) {
                        if (!known[id]) {
                            var row = board.querySelector('[data-alert="' + id + '"]');
                            if (row) { row.classList.add('new'); }
                        }
                    });
                }
                known = now;
            })
            .catch(function () { /* keep the last board; the next round tries again */ })
            .finally(function () { window.setTimeout(refresh, seconds * 1000); });
    }
    window.setTimeout(refresh, seconds * 1000);
    window.addEventListener('focus', function () { document.title = title; });
}());
