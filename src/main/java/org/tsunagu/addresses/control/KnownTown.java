package org.tsunagu.addresses.control;

import java.util.Objects;

/**
 * A town (町丁目 or 小字) as the {@link AddressMatcher} knows it, detached from persistence so the
 * matcher can be built and tested without a database.
 *
 * @param id               database id of the town row
 * @param municipalityCode 全国地方公共団体コード (6 digits, e.g. {@code 131202})
 * @param prefecture       都道府県名, e.g. 東京都
 * @param municipalityName 市区町村名, e.g. 練馬区
 * @param town             町丁目 or 大字 name, e.g. 光が丘二丁目, 根
 * @param koaza            小字 name, or {@code null} for the town itself
 */
public record KnownTown(long id, String municipalityCode, String prefecture, String municipalityName, String town,
        String koaza) {

    public KnownTown {
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(town, "town");
    }
}
