/**
 * Loads every platform's demo pages: each module registers its server with ./site (Instagram's
 * are built into ./site).
 */
import './youtube';
import './tiktok';
import './x';
