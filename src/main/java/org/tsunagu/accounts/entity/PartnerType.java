package org.tsunagu.accounts.entity;

import org.tsunagu.codes.Coded;
import org.tsunagu.codes.Label;

import java.util.Optional;

/** The kinds of businesses and groups that sign 見守り協定; codes are part of the API contract. */
public enum PartnerType implements Coded {
    NEIGHBOURHOOD_ASSOCIATION("neighbourhood_association", "町会・自治会", "Neighbourhood associations"),
    NEWSPAPER("newspaper", "新聞販売", "Newspaper delivery"),
    DELIVERY("delivery", "宅配・運送", "Parcel delivery"),
    POSTAL_FINANCE("postal_finance", "郵便・金融", "Post and banks"),
    UTILITY("utility", "電気・ガス・水道", "Utilities"),
    CONVENIENCE_STORE("convenience_store", "コンビニ・スーパー・商店", "Shops and convenience stores"),
    COOP_MEAL("coop_meal", "生協・配食", "Co-ops and meal delivery"),
    CARE_MEDICAL("care_medical", "介護・医療事業者", "Care and medical providers"),
    OTHER("other", "その他", "Others");

    private final Label label;

    PartnerType(String code, String labelJa, String labelEn) {
        this.label = new Label(code, labelJa, labelEn);
    }

    @Override
    public Label label() {
        return label;
    }

    public static Optional<PartnerType> ofCode(String code) {
        return Coded.ofCode(PartnerType.class, code);
    }
}
