package org.safepassage.letters.store;

import java.util.List;

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

	// --- the directory's state and staff's view of it (DirectoryAdmin)

	/**
	 * The date staff set, once it has come and the directory has not been imported since
	 * the start of that day.
	 */
	public static final String STALE_SINCE = """
			select refresh_after from letters_directory_state
			where refresh_after <= :today and (updated_at is null or updated_at < refresh_after)""";

	public static final String DIRECTORY_STATE = """
			select refresh_after, updated_at, updated_by from letters_directory_state""";

	public static final String SET_REFRESH_AFTER = "update letters_directory_state set refresh_after = :day";

	public static final String BODY_COUNTS = """
			select b.code, b.name,
			    (select count(*) from letters_area a where a.body_code = b.code) as areas,
			    (select count(*) from letters_representative r join letters_area a on a.id = r.area_id
			     where a.body_code = b.code and r.valid_from <= :day and (r.valid_to is null or r.valid_to >= :day))
			        as representatives,
			    coalesce(p.postcodes, 0) as postcodes
			from letters_body b
			left join (select a.body_code, count(*) as postcodes from letters_postcode_area pa
			           join letters_area a on a.id = pa.area_id group by a.body_code) p on p.body_code = b.code
			order by b.sort_order, b.name""";

	public static final String ADD_BODY = """
			insert into letters_body (code, name, sort_order) values (:code, :name, :sortOrder)
			on conflict (code) do nothing""";

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

	// --- importing the directory (letters.importing): postcodes through COPY into a
	// staging
	// table, then one swap of the whole postcode table

	/** One postcode import at a time: each rebuilds the table. */
	public static final String POSTCODE_IMPORT_LOCK = "select pg_advisory_xact_lock(hashtext('letters_postcode_import'))";

	public static final String CREATE_POSTCODE_STAGING = """
			create temp table letters_postcode_staging (postcode text not null, body_code text not null,
			    area_code text, parent_code text) on commit drop""";

	public static final String COPY_POSTCODE_STAGING = "copy letters_postcode_staging from stdin";

	/**
	 * Room for the hash tables and the index sort of a few million rows, for this
	 * transaction only.
	 */
	public static final List<String> POSTCODE_IMPORT_MEMORY = List.of("set local work_mem = '256MB'",
			"set local maintenance_work_mem = '256MB'");

	public static final String ANALYZE_POSTCODE_STAGING = "analyze letters_postcode_staging";

	/** Areas the file names that the directory does not know yet, named by their code. */
	public static final String ADD_STAGED_AREAS = """
			insert into letters_area (body_code, code, name)
			select distinct body_code, code, code from (
			    select body_code, area_code as code from letters_postcode_staging where area_code is not null
			    union all
			    select body_code, parent_code from letters_postcode_staging where parent_code is not null) codes
			on conflict (body_code, code) do nothing""";

	public static final String SET_STAGED_PARENTS = """
			update letters_area a set parent_id = p.id
			from (select distinct body_code, area_code, parent_code from letters_postcode_staging
			      where parent_code is not null) s
			join letters_area p on p.body_code = s.body_code and p.code = s.parent_code
			where a.body_code = s.body_code and a.code = s.area_code and a.parent_id is distinct from p.id""";

	public static final String CREATE_NEXT_POSTCODES = """
			create table letters_postcode_area_next (postcode text not null, area_id bigint not null)""";

	/** What the file does not speak about: other postcodes, and other bodies' areas. */
	public static final String KEEP_UNSTAGED_POSTCODES = """
			insert into letters_postcode_area_next (postcode, area_id)
			select p.postcode, p.area_id from letters_postcode_area p join letters_area a on a.id = p.area_id
			where not exists (select 1 from letters_postcode_staging s
			                  where s.postcode = p.postcode and s.body_code = a.body_code)""";

	public static final String ADD_STAGED_POSTCODES = """
			insert into letters_postcode_area_next (postcode, area_id)
			select distinct s.postcode, a.id from letters_postcode_staging s
			join letters_area a on a.body_code = s.body_code and a.code = s.area_code""";

	/**
	 * The index is built once over the loaded rows, then the new table takes the old
	 * one's place: lookups read the old table until the commit.
	 */
	public static final List<String> SWAP_POSTCODES = List.of(
			"alter table letters_postcode_area_next add constraint letters_postcode_area_next_pkey primary key (postcode, area_id)",
			"alter table letters_postcode_area_next add constraint letters_postcode_area_next_area_fkey foreign key (area_id) references letters_area (id) on delete cascade",
			"analyze letters_postcode_area_next", "drop table letters_postcode_area",
			"alter table letters_postcode_area_next rename to letters_postcode_area",
			"alter table letters_postcode_area rename constraint letters_postcode_area_next_pkey to letters_postcode_area_pkey",
			"alter table letters_postcode_area rename constraint letters_postcode_area_next_area_fkey to letters_postcode_area_area_id_fkey");

	// files of areas and representatives: a few thousand rows, one at a time

	public static final String AREAS_FOR_IMPORT = "select body_code, code, name from letters_area";

	/** Keeps the parent: a file that names areas need not repeat their regions. */
	public static final String UPSERT_IMPORTED_AREA = """
			insert into letters_area (body_code, code, name) values (:body, :code, :name)
			on conflict (body_code, code) do update set name = excluded.name""";

	public static final String SET_AREA_PARENT = """
			update letters_area set parent_id = (select id from letters_area where body_code = :body and code = :parent)
			where body_code = :body and code = :code""";

	public static final String AREA_ID = "select id from letters_area where body_code = :body and code = :code";

	/**
	 * A source without dates (TheyWorkForYou) starts a new representative today and keeps
	 * the first day of one it knew.
	 */
	public static final String UPSERT_IMPORTED_REPRESENTATIVE = """
			insert into letters_representative (area_id, source_key, name, party, email, postal_address, valid_from,
			                                    valid_to, demo)
			values (:area, :sourceKey, :name, :party, :email, :postalAddress, coalesce(cast(:validFrom as date), :today),
			        :validTo, false)
			on conflict (area_id, source_key) do update set name = excluded.name, party = excluded.party,
			    email = excluded.email, postal_address = excluded.postal_address,
			    valid_from = coalesce(cast(:validFrom as date), letters_representative.valid_from),
			    valid_to = excluded.valid_to, demo = false""";

	public static final String MARK_DIRECTORY_UPDATED = """
			update letters_directory_state set updated_at = :now, updated_by = :by""";

	private LettersQueries() {
	}

}
