package dev.investigator.sandbox;

/** One simulated vendor API: turns a request into a reply, in that vendor's own formats and error shapes. */
interface VendorApi {

    HttpReply handle(SandboxRequest request);

    /** What the vendor answers when the simulation itself fails: its generic 500 shape. */
    HttpReply internalError();
}
