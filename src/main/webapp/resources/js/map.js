/*
 * Resident maps (Leaflet). Progressive: the list is the page, this only adds a map beside it.
 * Markers are read from the list items' data attributes, and popups are built with textContent,
 * so nothing a center typed is ever interpreted as HTML.
 */
(function () {
    'use strict';
    function start() {
        var box = document.getElementById('map');
        if (!box || typeof L === 'undefined') {
            return;
        }
        var items = document.querySelectorAll('[data-lat][data-lon]');
        if (items.length === 0) {
            box.hidden = true;
            return;
        }
        var map = L.map(box, { scrollWheelZoom: false });
        var attribution = document.createElement('a');
        attribution.href = box.dataset.attributionUrl;
        attribution.textContent = box.dataset.attribution;
        L.tileLayer(box.dataset.tiles, { maxZoom: 18, attribution: attribution.outerHTML }).addTo(map);
        var bounds = [];
        items.forEach(function (item) {
            var lat = parseFloat(item.dataset.lat), lon = parseFloat(item.dataset.lon);
            if (isNaN(lat) || isNaN(lon)) {
                return;
            }
            var popup = document.createElement('div');
            var link = document.createElement(item.dataset.href ? 'a' : 'strong');
            if (item.dataset.href) {
                link.href = item.dataset.href;
            }
            link.textContent = item.dataset.name || '';
            popup.appendChild(link);
            if (item.dataset.address) {
                var address = document.createElement('div');
                address.textContent = item.dataset.address;
                popup.appendChild(address);
            }
            L.marker([lat, lon], { title: item.dataset.name || '', alt: item.dataset.name || '' })
                .addTo(map).bindPopup(popup);
            bounds.push([lat, lon]);
        });
        if (bounds.length === 1) {
            map.setView(bounds[0], 16);
        } else {
            map.fitBounds(bounds, { padding: [24, 24] });
        }
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
