namespace MLRepro.Web; internal static class Placeholder { }
