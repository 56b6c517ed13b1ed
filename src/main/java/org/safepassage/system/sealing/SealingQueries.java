package org.safepassage.system.sealing;

/** The SQL of sealing: wrapped data keys and the key check. */
final class SealingQueries {

	static final String KEY_CHECK = "select sealed, kek_key_id from sealing_key_check where id = 1";

	static final String INSERT_KEY_CHECK = """
			insert into sealing_key_check (id, sealed, kek_key_id, created_at) values (1, :sealed, :kekKeyId, :now)
			on conflict (id) do nothing""";

	static final String UPDATE_KEY_CHECK = """
			update sealing_key_check set sealed = :sealed, kek_key_id = :kekKeyId
			where id = 1 and kek_key_id is distinct from :kekKeyId""";

	static final String COUNT_DATA_KEYS = "select count(*) from sealing_data_key";

	static final String INSERT_DATA_KEY = """
			insert into sealing_data_key (wrapped, kek_key_id, created_at) values (:wrapped, :kekKeyId, :now)
			returning id""";

	static final String DATA_KEY = "select wrapped from sealing_data_key where id = :id";

	static final String DELETE_DATA_KEY = "delete from sealing_data_key where id = :id";

	/**
	 * Data keys wrapped by an older key of this keyset. A key wrapped by a key this
	 * instance does not know (a newer one, during a rolling restart) is left to the
	 * instances that have it.
	 */
	static final String STALE_DATA_KEYS = """
			select id, wrapped from sealing_data_key
			where kek_key_id <> :primary and kek_key_id = any(:known)
			order by id limit :limit
			for update skip locked""";

	static final String REWRAP_DATA_KEY = "update sealing_data_key set wrapped = :wrapped, kek_key_id = :kekKeyId where id = :id";

	static final String COUNT_STALE_DATA_KEYS = "select count(*) from sealing_data_key where kek_key_id <> :primary";

	static final String DATA_KEYS_BY_KEK = """
			select kek_key_id, count(*) as data_keys from sealing_data_key group by kek_key_id order by kek_key_id""";

	private SealingQueries() {
	}

}
