package org.safepassage.letters.store;

/** The letters module's SQL, one section per part of the module. */
public final class LettersQueries {

	// --- the representatives directory (Directory)

	public static final String BODIES = "select code, name from letters_body order by sort_order, name";

	private static final String REPRESENTATIVE_COLUMNS = """
			r.id, a.body_code, b.name as body_name, a.code as area_code, a.name as area_name, r.name, r.party,
			r.email, r.postal_address, r.valid_from, r.valid_to, r.demo""";

	/**
	 * Representatives of the areas a postcode lies in and of the areas that contain those
	 * (regions), in the given bodies, serving on the given day.
	 */
	public static final String REPRESENTATIVES_FOR_POSTCODE = """
			with recursive areas(id) as (
			    select area_id from letters_postcode_area where postcode = :postcode
			    union
			    select a.parent_id from letters_area a join areas on a.id = areas.id where a.parent_id is not null
			)
			select %s
			from areas
			join letters_area a on a.id = areas.id
			join letters_body b on b.code = a.body_code
			join letters_representative r on r.area_id = a.id
			where a.body_code = any(:bodies)
			  and r.valid_from <= :day and (r.valid_to is null or r.valid_to >= :day)
			order by b.sort_order, a.parent_id nulls last, a.name, r.name""".formatted(REPRESENTATIVE_COLUMNS);

	public static final String REPRESENTATIVE = """
			select %s
			from letters_representative r
			join letters_area a on a.id = r.area_id
			join letters_body b on b.code = a.body_code
			where r.id = :id""".formatted(REPRESENTATIVE_COLUMNS);

	public static final String POSTCODE_KNOWN = "select exists (select 1 from letters_postcode_area where postcode = :postcode)";

	public static final String REPRESENTATIVE_COUNT = "select count(*) from letters_representative";

	// --- writing the directory (demo and import)

	public static final String UPSERT_AREA = """
			insert into letters_area (body_code, code, name, parent_id) values (:body, :code, :name, :parent)
			on conflict (body_code, code) do update set name = excluded.name, parent_id = excluded.parent_id
			returning id""";

	public static final String UPSERT_REPRESENTATIVE = """
			insert into letters_representative (area_id, source_key, name, party, email, postal_address, valid_from,
			                                    valid_to, demo)
			values (:area, :sourceKey, :name, :party, :email, :postalAddress, :validFrom, :validTo, :demo)
			on conflict (area_id, source_key) do update set name = excluded.name, party = excluded.party,
			    email = excluded.email, postal_address = excluded.postal_address, valid_from = excluded.valid_from,
			    valid_to = excluded.valid_to, demo = excluded.demo
			returning id""";

	public static final String ADD_POSTCODE = """
			insert into letters_postcode_area (postcode, area_id) values (:postcode, :area)
			on conflict do nothing""";

	private LettersQueries() {
	}

}
