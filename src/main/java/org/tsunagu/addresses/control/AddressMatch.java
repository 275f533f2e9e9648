package org.tsunagu.addresses.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Result of {@link AddressMatcher#match}: which known town a free-text address lies in, so that the
 * responsible 地域包括支援センター can be looked up.
 *
 * @param outcome          {@link Outcome#TOWN}, {@link Outcome#NONE} or {@link Outcome#AMBIGUOUS}
 * @param candidates       TOWN: exactly the matched town; AMBIGUOUS: the towns of the same name in
 *                         different municipalities; NONE: empty
 * @param block            TOWN: the 番地 number following the town (光が丘2-5-1 → 5, 今井123 → 123), or
 *                         {@code null} if the address gives none; otherwise {@code null}
 * @param municipalityCode TOWN: the matched town's municipality; NONE: the municipality the address
 *                         named, else the one passed to the matcher, else {@code null}; AMBIGUOUS:
 *                         {@code null}
 * @param normalised       the input in {@link AddressMatcher#normalise canonical form}, for display; when a
 *                         town was found its name is kept as written (十余一 stays 十余一 before 五番地)
 */
public record AddressMatch(Outcome outcome, List<KnownTown> candidates, Integer block, String municipalityCode,
        String normalised) {

    public enum Outcome { TOWN, NONE, AMBIGUOUS }

    public AddressMatch {
        Objects.requireNonNull(outcome, "outcome");
        candidates = List.copyOf(candidates);
        boolean consistent = switch (outcome) {
            case TOWN -> candidates.size() == 1;
            case NONE -> candidates.isEmpty();
            case AMBIGUOUS -> candidates.size() >= 2;
        };
        if (!consistent) {
            throw new IllegalArgumentException(outcome + " with " + candidates.size() + " candidates");
        }
    }

    public static AddressMatch ofTown(KnownTown town, Integer block, String normalised) {
        return new AddressMatch(Outcome.TOWN, List.of(town), block, town.municipalityCode(), normalised);
    }

    public static AddressMatch none(String municipalityCode, String normalised) {
        return new AddressMatch(Outcome.NONE, List.of(), null, municipalityCode, normalised);
    }

    public static AddressMatch ambiguous(List<KnownTown> candidates, String normalised) {
        return new AddressMatch(Outcome.AMBIGUOUS, candidates, null, null, normalised);
    }

    /** The matched town; empty unless the outcome is {@link Outcome#TOWN}. */
    public Optional<KnownTown> town() {
        return outcome == Outcome.TOWN ? Optional.of(candidates.get(0)) : Optional.empty();
    }
}
