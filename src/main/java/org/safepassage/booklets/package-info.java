/**
 * Free resources to order: staff publish a booklet (title, description, cover, languages,
 * stock, per-order limit, countries it is posted to); a supporter orders copies to a
 * postal address and confirms by email; staff export the confirmed orders for the mailing
 * house and mark them dispatched; the person's details are removed a set time later.
 * <p>
 * Nothing is public to other modules. Internal: {@code domain} (the booklet aggregate,
 * its repository and the settings), {@code store} (the module's SQL), {@code images}
 * (checking and re-encoding covers), {@code ordering} (the order form, per-address
 * limits, confirmation and stock), {@code fulfilment} (the staff's list, CSV, dispatch,
 * cancellation and the removal of details), {@code web} and {@code demo}.
 */
@ApplicationModule(displayName = "Booklets",
		allowedDependencies = { "system", "system::mail", "system::translations", "shared" })
package org.safepassage.booklets;

import org.springframework.modulith.ApplicationModule;
