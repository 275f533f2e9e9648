package org.tsunagu.areas.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.regex.Pattern;

/**
 * 市区町村: the owner of towns, centers and resources. One deployment may serve several
 * (a prefecture-wide portal), so every area record belongs to exactly one municipality,
 * identified by its 6-digit 全国地方公共団体コード.
 */
@Entity
@Table(name = "municipality")
@NamedQuery(name = Municipality.FIND_BY_CODE, query = "SELECT m FROM Municipality m WHERE m.code = :code")
@NamedQuery(name = Municipality.FIND_ALL, query = "SELECT m FROM Municipality m ORDER BY m.code")
public class Municipality {

    public static final String FIND_BY_CODE = "Municipality.findByCode";
    public static final String FIND_ALL = "Municipality.findAll";
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    @Id
    @SequenceGenerator(name = "municipality_seq", sequenceName = "municipality_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "municipality_seq")
    private Long id;

    @Column(nullable = false, length = 6, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String prefecture;

    /** A fictional municipality shipped for demonstration; shown with 「（デモ）」. */
    private boolean demo;

    @Version
    private long version;

    protected Municipality() {
        // JPA
    }

    public Municipality(String code, String prefecture, String name) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("municipality code must be 6 digits: " + code);
        }
        this.code = code;
        rename(prefecture, name);
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * The 6-digit 全国地方公共団体コード of a code as open data writes it: 6 digits as they are; the
     * 5-digit code (都道府県 2 + 市区町村 3, as Geolonia and ナビイ write it) with its check digit
     * added; a 6-digit code whose leading zero Excel stripped (「92011」 for 092011: no prefecture is
     * numbered above 47, and the check digit must fit) with the zero put back. Full-width digits are read. Empty when the text is
     * none of these. A 6-digit code is taken as written (its check digit is not verified: a portal may
     * serve a fictional municipality).
     */
    public static java.util.Optional<String> normalizeCode(String raw) {
        if (raw == null) {
            return java.util.Optional.empty();
        }
        String s = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).strip();
        if (s.matches("\\d{6}")) {
            return java.util.Optional.of(s);
        }
        if (s.matches("\\d{5}")) {
            int prefecture = Integer.parseInt(s.substring(0, 2));
            String zeroBack = "0" + s;
            if (prefecture > 47 && checkDigit(zeroBack.substring(0, 5)) == zeroBack.charAt(5) - '0') {
                return java.util.Optional.of(zeroBack);
            }
            return java.util.Optional.of(s + checkDigit(s));
        }
        return java.util.Optional.empty();
    }

    /** The check digit of a 5-digit code (JIS X 0402): 11 minus the weighted sum (6,5,4,3,2) mod 11, last digit. */
    static int checkDigit(String fiveDigits) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * (6 - i);
        }
        return (11 - sum % 11) % 10;
    }

    public void rename(String prefecture, String name) {
        if (prefecture == null || prefecture.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("prefecture and name are required");
        }
        this.prefecture = prefecture.strip();
        this.name = name.strip();
    }

    public void markDemo() {
        this.demo = true;
    }

    /** The name as shown to people: demo municipalities say so. */
    public String displayName() {
        return demo ? name + "（デモ）" : name;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getPrefecture() {
        return prefecture;
    }

    public boolean isDemo() {
        return demo;
    }
}
