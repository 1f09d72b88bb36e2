// The shared vocabulary of the stages (the routes table) is used by all of them.
global using RoadmapGen.Core;
