package org.safepassage.booklets.store;

/**
 * The booklets module's SQL, one section per part of the module (booklets, ordering,
 * fulfilment, retention).
 */
public final class BookletQueries {

	// --- booklets (BookletRepository)

	private static final String BOOKLET_COLUMNS = """
			id, title, description, languages, countries, per_order_limit, stock, state, cover is not null as has_cover""";

	public static final String BOOKLET = "select " + BOOKLET_COLUMNS + " from booklet where id = :id";

	public static final String ALL_BOOKLETS = "select " + BOOKLET_COLUMNS
			+ " from booklet order by created_at desc, id";

	public static final String PUBLISHED_BOOKLETS = "select " + BOOKLET_COLUMNS
			+ " from booklet where state = 'PUBLISHED' order by created_at desc, id";

	public static final String ANY_BOOKLET = "select exists (select 1 from booklet)";

	public static final String INSERT_BOOKLET = """
			insert into booklet (title, description, languages, countries, per_order_limit, stock, cover, cover_type,
			                     demo, created_by, created_at, updated_at)
			values (:title, :description, :languages, :countries, :perOrderLimit, :stock, :cover, :coverType,
			        :demo, :createdBy, :now, :now)
			returning id""";

	public static final String UPDATE_CONTENT = """
			update booklet set title = :title, description = :description, languages = :languages,
			       countries = :countries, per_order_limit = :perOrderLimit, updated_at = :now
			where id = :id""";

	public static final String UPDATE_COVER = """
			update booklet set cover = :cover, cover_type = :coverType, updated_at = :now where id = :id""";

	public static final String UPDATE_STATE = "update booklet set state = :state, updated_at = :now where id = :id";

	/** Staff add (or take away) copies; the stock never goes below zero. */
	public static final String ADJUST_STOCK = """
			update booklet set stock = greatest(0, stock + :change), updated_at = :now where id = :id""";

	public static final String COVER = """
			select cover, cover_type, updated_at from booklet where id = :id and cover is not null""";

	// --- ordering (Ordering, OrderConfirmation, OrderAttempts)

	public static final String INSERT_ORDER = """
			insert into booklet_order (booklet_id, status, quantity, language, country, name, address_line1,
			                           address_line2, town, region, postcode, email, mailbox_hash, locale, token_hash,
			                           token_expires_at, created_at)
			values (:bookletId, 'UNCONFIRMED', :quantity, :language, :country, :name, :line1, :line2, :town, :region,
			        :postcode, :email, :mailboxHash, :locale, :tokenHash, :expiresAt, :now)""";

	/** A confirmed (or sent) order of this booklet from this mailbox since a time. */
	public static final String CONFIRMED_SINCE = """
			select confirmed_at from booklet_order
			where mailbox_hash = :mailboxHash and booklet_id = :bookletId
			  and status in ('CONFIRMED', 'DISPATCHED') and confirmed_at >= :since
			order by confirmed_at desc limit 1""";

	public static final String ORDER_BY_TOKEN = """
			select o.id, o.booklet_id, o.status, o.quantity, o.language, o.country, o.token_expires_at, b.title
			from booklet_order o join booklet b on b.id = o.booklet_id
			where o.token_hash = :tokenHash""";

	/** The unconfirmed order of a live link, locked until the confirmation commits. */
	public static final String LOCK_UNCONFIRMED = """
			select id, booklet_id, quantity, mailbox_hash from booklet_order
			where token_hash = :tokenHash and status = 'UNCONFIRMED' and token_expires_at > :now
			for update""";

	/** One mailbox confirming two orders of one booklet at once waits for the other. */
	public static final String LOCK_MAILBOX = "select pg_advisory_xact_lock(:bookletKey, :mailboxKey)";

	/** Takes the copies if there are enough; no row when there are not. */
	public static final String TAKE_STOCK = """
			update booklet set stock = stock - :quantity
			where id = :id and stock >= :quantity
			returning stock""";

	public static final String CONFIRM_ORDER = """
			update booklet_order set status = 'CONFIRMED', confirmed_at = :now where id = :id""";

	public static final String RECENT_ATTEMPTS = """
			select count(*) filter (where at >= :burstSince) as in_burst,
			       count(*) filter (where at >= :sustainedSince) as in_sustained
			from booklet_order_attempt where ip = cast(:ip as inet) and at >= :since""";

	public static final String RECORD_ATTEMPT = "insert into booklet_order_attempt (ip, at) values (cast(:ip as inet), :at)";

	public static final String FORGET_ATTEMPTS = "delete from booklet_order_attempt where at < :before";

	// --- fulfilment (Fulfilment)

	private static final String ORDER_COLUMNS = """
			o.id, o.booklet_id, b.title, o.status, o.quantity, o.language, o.country, o.name, o.address_line1,
			o.address_line2, o.town, o.region, o.postcode, o.email, o.confirmed_at""";

	/**
	 * Confirmed orders not yet dispatched, oldest first, optionally of one booklet and
	 * country.
	 */
	public static final String TO_FULFIL = """
			select %s
			from booklet_order o join booklet b on b.id = o.booklet_id
			where o.status = 'CONFIRMED'
			  and (cast(:bookletId as bigint) is null or o.booklet_id = :bookletId)
			  and (cast(:country as text) is null or o.country = :country)
			order by o.confirmed_at, o.id
			limit :limit""".formatted(ORDER_COLUMNS);

	public static final String COUNT_TO_FULFIL = """
			select count(*) from booklet_order o
			where o.status = 'CONFIRMED'
			  and (cast(:bookletId as bigint) is null or o.booklet_id = :bookletId)
			  and (cast(:country as text) is null or o.country = :country)""";

	public static final String COUNTRIES_TO_FULFIL = """
			select distinct country from booklet_order where status = 'CONFIRMED' order by country""";

	public static final String DISPATCH = """
			update booklet_order set status = 'DISPATCHED', dispatched_at = :now, dispatched_by = :by
			where id = any(:ids) and status = 'CONFIRMED'""";

	/** Cancels a confirmed order and says which copies go back. */
	public static final String CANCEL = """
			update booklet_order set status = 'CANCELLED', cancelled_at = :now, cancelled_by = :by
			where id = :id and status = 'CONFIRMED'
			returning booklet_id, quantity""";

	public static final String RESTOCK = "update booklet set stock = stock + :quantity where id = :id";

	/** Orders and copies per country and status, kept after the details are removed. */
	public static final String COUNTS = """
			select country, status, count(*) as orders, sum(quantity) as copies
			from booklet_order where booklet_id = :bookletId and status <> 'UNCONFIRMED'
			group by country, status order by country, status""";

	// --- retention (Retention)

	public static final String DELETE_EXPIRED_UNCONFIRMED = """
			delete from booklet_order where status = 'UNCONFIRMED' and token_expires_at <= :now""";

	public static final String REMOVE_DETAILS = """
			update booklet_order
			set name = null, address_line1 = null, address_line2 = null, town = null, region = null,
			    postcode = null, email = null, mailbox_hash = null, token_hash = null,
			    personal_data_removed_at = :now
			where personal_data_removed_at is null and status in ('DISPATCHED', 'CANCELLED')
			  and coalesce(dispatched_at, cancelled_at) <= :before""";

	private BookletQueries() {
	}

}
