package org.safepassage.letters.record;

import java.time.LocalDate;

/**
 * One dated step of a campaign's parliamentary record: in which body, by which member (or
 * group), where to read it, and what it said in a sentence or two.
 */
public record RecordEntry(Long id, long campaignId, LocalDate day, RecordKind kind, String body, String member,
		String link, String summary) {
}
