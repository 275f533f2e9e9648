package org.tsunagu.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where map tiles come from: 地理院タイル (GSI standard map) by default, with its attribution; a
 * municipality with its own tile server sets TSUNAGU_MAP_TILES and TSUNAGU_MAP_ATTRIBUTION. The
 * pages work without tiles: the list is the primary path, the map an extra.
 */
@Named
@ApplicationScoped
public class MapSettings {

    @Inject
    @ConfigProperty(name = "tsunagu.map.tiles", defaultValue = "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png")
    String tiles;

    @Inject
    @ConfigProperty(name = "tsunagu.map.attribution", defaultValue = "地理院タイル（国土地理院）")
    String attribution;

    @Inject
    @ConfigProperty(name = "tsunagu.map.attribution.url", defaultValue = "https://maps.gsi.go.jp/development/ichiran.html")
    String attributionUrl;

    public String getTiles() {
        return tiles;
    }

    public String getAttribution() {
        return attribution;
    }

    public String getAttributionUrl() {
        return attributionUrl;
    }
}
