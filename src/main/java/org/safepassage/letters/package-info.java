/**
 * Write to your representative: a directory of representatives and the postcodes they
 * answer for, letter campaigns that supporters write from their own postcode, and the
 * campaign's parliamentary record (motions, questions, debates, responses).
 * <p>
 * Internal: {@code directory} (representatives, areas, postcodes, lookup, staff's view),
 * {@code importing} (CSV import of postcodes and representatives, COPY for the big
 * files), {@code store} (the module's SQL), {@code campaign} (the letter campaign
 * aggregate, its repository and the settings), {@code writing} (a supporter's letters and
 * their confirmation), {@code sending} (release to the mail outbox spread per
 * representative, review of near-copies, reply questions, removal of details, counts),
 * {@code record} (the parliamentary record), {@code web} (pages, forms, JSON) and
 * {@code demo} (a demo directory whose every address is at example.org, and a demo
 * campaign).
 */
@ApplicationModule(displayName = "Letters", allowedDependencies = { "petitions", "evidence", "alerts", "system",
		"system::mail", "shared", "system::sharing", "system::translations" })
package org.safepassage.letters;

import org.springframework.modulith.ApplicationModule;
