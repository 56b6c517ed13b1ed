/**
 * Write to your representative: a directory of representatives and the postcodes they
 * answer for, letter campaigns that supporters write from their own postcode, and the
 * campaign's parliamentary record (motions, questions, debates, responses).
 * <p>
 * Internal: {@code directory} (representatives, areas, postcodes, lookup, staff's view),
 * {@code importing} (CSV import of postcodes and representatives, COPY for the big
 * files), {@code web} (staff pages), {@code store} (SQL), {@code demo} (a demo directory
 * whose every address is at example.org).
 */
@ApplicationModule(displayName = "Letters",
		allowedDependencies = { "petitions", "evidence", "alerts", "system", "system::mail", "shared" })
package org.safepassage.letters;

import org.springframework.modulith.ApplicationModule;
