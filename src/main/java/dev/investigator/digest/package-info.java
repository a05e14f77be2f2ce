/**
 * The daily check's digest: what each source reports for all services at once ({@link
 * dev.investigator.digest.DigestSource}), the flagging rules, and the digest the morning prompt renders.
 * Imports only the model and the investigation's Deadline; vendor adapters implement DigestSource.
 */
package dev.investigator.digest;
