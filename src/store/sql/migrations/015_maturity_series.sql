-- placeholder for h41's migration 015 (maturity series), so that 016 follows a 015 on this branch alone; the merge takes h41's file
CREATE TABLE h42_placeholder_015 (unused INTEGER);
