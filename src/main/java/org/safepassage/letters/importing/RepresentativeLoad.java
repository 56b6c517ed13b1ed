package org.safepassage.letters.importing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.safepassage.letters.importing.RepresentativeFile.Planned;
import org.safepassage.letters.store.LettersQueries;
import org.safepassage.shared.validation.FormValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes checked areas and representatives in one transaction, keyed so that importing
 * the same file again updates what the first import wrote.
 */
@Component
class RepresentativeLoad {

	private final JdbcClient jdbc;

	private final Clock clock;

	RepresentativeLoad(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return the number of representatives written
	 */
	@Transactional
	long load(RepresentativeFile.Plan plan, String by) {
		for (Planned p : plan.rows()) {
			MemberRow row = p.row();
			if (row.areaName() != null) {
				jdbc.sql(LettersQueries.UPSERT_IMPORTED_AREA)
					.param("body", row.body())
					.param("code", row.areaCode())
					.param("name", row.areaName())
					.update();
			}
		}
		long members = 0;
		LocalDate today = LocalDate.now(clock);
		for (Planned p : plan.rows()) {
			MemberRow row = p.row();
			if (row.parentAreaCode() != null) {
				jdbc.sql(LettersQueries.SET_AREA_PARENT)
					.param("body", row.body())
					.param("code", row.areaCode())
					.param("parent", row.parentAreaCode())
					.update();
			}
			if (row.hasMember()) {
				long area = jdbc.sql(LettersQueries.AREA_ID)
					.param("body", row.body())
					.param("code", row.areaCode())
					.query(Long.class)
					.single();
				jdbc.sql(LettersQueries.UPSERT_IMPORTED_REPRESENTATIVE)
					.param("area", area)
					.param("sourceKey", row.sourceKey())
					.param("name", row.name())
					.param("party", row.party())
					.param("email", row.email())
					.param("postalAddress", row.postalAddress())
					.param("validFrom", FormValues.day(row.validFrom()))
					.param("today", today)
					.param("validTo", FormValues.day(row.validTo()))
					.update();
				members++;
			}
		}
		jdbc.sql(LettersQueries.MARK_DIRECTORY_UPDATED)
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("by", by)
			.update();
		return members;
	}

}
