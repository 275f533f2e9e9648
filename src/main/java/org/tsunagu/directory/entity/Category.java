package org.tsunagu.directory.entity;

import org.tsunagu.codes.Coded;
import org.tsunagu.codes.Label;

import java.util.Optional;

/** The twelve kinds of 社会資源 residents look for; codes are part of the API contract. */
public enum Category implements Coded {
    SALON("salon", "サロン・通いの場", "Salons and gathering places"),
    DEMENTIA_CAFE("dementia_cafe", "認知症カフェ", "Dementia cafes"),
    COMMUNITY_CAFE("community_cafe", "地域カフェ", "Community cafes"),
    EXERCISE("exercise", "介護予防・体操教室", "Exercise classes"),
    CLINIC("clinic", "診療所・クリニック", "Clinics"),
    HOSPITAL("hospital", "病院", "Hospitals"),
    DENTAL("dental", "歯科", "Dentists"),
    PHARMACY("pharmacy", "薬局", "Pharmacies"),
    HOME_NURSING("home_nursing", "訪問看護ステーション", "Home-visit nursing"),
    CONSULTATION("consultation", "相談窓口", "Consultation desks"),
    CARE_SERVICE("care_service", "介護サービス事業所", "Care services"),
    WATCH_PARTNER("watch_partner", "見守り協定事業者", "Watch partners");

    private final Label label;

    Category(String code, String labelJa, String labelEn) {
        this.label = new Label(code, labelJa, labelEn);
    }

    @Override
    public Label label() {
        return label;
    }

    public static Optional<Category> ofCode(String code) {
        return Coded.ofCode(Category.class, code);
    }
}
