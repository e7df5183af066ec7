package org.telehealth.events.recording;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a participant answered to a recording request in their visit page; lower case on the wire. */
public enum ConsentDecision {
    @JsonProperty("accepted")
    ACCEPTED,
    @JsonProperty("declined")
    DECLINED
}
