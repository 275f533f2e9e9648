package org.tsunagu.alerts.intake.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.alerts.intake.control.AlertIntake;
import org.tsunagu.alerts.entity.Alert;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The partner's side after filing: the receipt (受付番号 and the center it went to) and
 * 「通報履歴」, the organisation's alerts with their status only. Staff notes, assignees and
 * outcomes are the center's work and never shown here; other organisations' alerts do not exist
 * for this page.
 */
@Named
@RequestScoped
public class PartnerAlertsPage {


    /** One line of the history: nothing beyond what the partner already knows, plus the status. */
    public record Line(String receiptNo, String filedAt, String urgency, String urgencyCode, String center,
                       String centerPhone, String status, String statusCode) {

        static Line of(Alert a) {
            return new Line(a.getReceiptNo(), JapanTime.MINUTE.format(a.getFiledAt().atZone(JapanTime.ZONE)), a.getUrgency().label(),
                    a.getUrgency().code(), a.getCenter().getName(), a.getCenter().getPhone(), a.getStatus().partnerLabel(),
                    a.getStatus().code());
        }
    }

    @Inject
    Caller caller;

    @Inject
    AlertIntake intake;

    private String receiptNo;
    private Optional<Line> receipt;

    public List<Line> getHistory() {
        return organisation().map(p -> intake.ofPartner(p).stream().map(Line::of).toList()).orElse(List.of());
    }

    /** The receipt named by ?no=, if this organisation filed it. */
    public Line getReceipt() {
        if (receipt == null) {
            receipt = organisation().flatMap(p -> intake.ofPartner(p, receiptNo)).map(Line::of);
        }
        return receipt.orElse(null);
    }

    public String getOrganisationName() {
        return organisation().map(PartnerOrganisation::getName).orElse("");
    }

    private Optional<PartnerOrganisation> organisation() {
        return caller.find().map(Account::getPartner);
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public void setReceiptNo(String receiptNo) {
        this.receiptNo = receiptNo == null || receiptNo.length() > 40 ? null : receiptNo.strip();
    }
}
