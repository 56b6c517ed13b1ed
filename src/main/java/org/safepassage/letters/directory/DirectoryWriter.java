package org.safepassage.letters.directory;

import java.time.LocalDate;

import org.safepassage.letters.store.LettersQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds or updates areas, representatives and postcodes one at a time, keyed so that
 * writing the same entry again updates it: for the demo directory and small imports.
 */
@Component
public class DirectoryWriter {

	private final JdbcClient jdbc;

	DirectoryWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long area(String bodyCode, String code, String name, Long parentId) {
		return jdbc.sql(LettersQueries.UPSERT_AREA)
			.param("body", bodyCode)
			.param("code", code)
			.param("name", name)
			.param("parent", parentId)
			.query(Long.class)
			.single();
	}

	public record NewRepresentative(long areaId, String sourceKey, String name, String party, String email,
			String postalAddress, LocalDate validFrom, LocalDate validTo, boolean demo) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long representative(NewRepresentative r) {
		return jdbc.sql(LettersQueries.UPSERT_REPRESENTATIVE)
			.param("area", r.areaId())
			.param("sourceKey", r.sourceKey())
			.param("name", r.name())
			.param("party", r.party())
			.param("email", r.email())
			.param("postalAddress", r.postalAddress())
			.param("validFrom", r.validFrom())
			.param("validTo", r.validTo())
			.param("demo", r.demo())
			.query(Long.class)
			.single();
	}

	/**
	 * @param postcode as typed; must have a postcode's shape
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void postcode(String postcode, long areaId) {
		String key = Postcodes.key(postcode)
			.orElseThrow(() -> new IllegalArgumentException("Not a postcode: " + postcode));
		jdbc.sql(LettersQueries.ADD_POSTCODE).param("postcode", key).param("area", areaId).update();
	}

}
