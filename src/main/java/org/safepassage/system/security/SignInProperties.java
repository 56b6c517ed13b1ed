package org.safepassage.system.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling (docs/security.md explains the choices).
 *
 * @param freeFailures failures allowed, per account and per client address, before each
 * further attempt waits
 * @param firstDelay the wait after the last free failure, doubled by each further one
 * @param maxDelay the longest wait: what an attacker can cost the real owner at most
 * @param failureMemory how long a failure counts
 * @param knownAddressMemory how long an address stays known after a successful sign-in
 * from it: failures from elsewhere do not lock the account there
 * @param cleanupInterval how often failures and known addresses past their memory are
 * deleted
 */
@ConfigurationProperties("safepassage.sign-in")
record SignInProperties(@DefaultValue("5") int freeFailures, @DefaultValue("1s") Duration firstDelay,
		@DefaultValue("15m") Duration maxDelay, @DefaultValue("24h") Duration failureMemory,
		@DefaultValue("30d") Duration knownAddressMemory, @DefaultValue("10m") Duration cleanupInterval) {
}
